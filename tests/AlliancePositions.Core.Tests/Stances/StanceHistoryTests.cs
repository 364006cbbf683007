using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Tests.Corpus.Generation;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Stances;

/// <summary>
/// A stance read off the stored history must be the replay's stance, number for number, at every date: the history is
/// a way to skip the replay, not another method.
/// </summary>
public class StanceHistoryTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Retractions, same-day items, a month-dated item, a qualifier and weak evidence: what the walk treats apart.</summary>
    private static List<EvidenceItem> Record() =>
    [
        new EvidenceBuilder().Key("a1").On(2024, 1, 10).Position(2).Graded(SourceGrade.A, Credibility.Confirmed).Build(),
        new EvidenceBuilder().Key("a2").On(2024, 1, 10).Position(1).Build(),
        new EvidenceBuilder().Key("a3").InMonth(2024, 2).Position(-1).Qualified("training only").Build(),
        new EvidenceBuilder().Key("a4").On(2024, 2, 20).Position(-2).Graded(SourceGrade.A, Credibility.Confirmed).RetractedOn(2024, 3, 5).Build(),
        new EvidenceBuilder().Key("a5").On(2024, 3, 1).Position(-2).Graded(SourceGrade.A, Credibility.Confirmed).Build(),
        new EvidenceBuilder().Key("a6").On(2024, 3, 1).Position(-2).Graded(SourceGrade.E, Credibility.Improbable).Build(),
        new EvidenceBuilder().Key("a7").On(2024, 4, 2).Position(-2).RetractedOn(2024, 4, 2).Build(),
        new EvidenceBuilder().Key("a8").On(2024, 5, 15).Position(-2).Graded(SourceGrade.A, Credibility.Confirmed).Qualified("not at this stage").Build(),
        new EvidenceBuilder().Key("a9").On(2024, 5, 16).Position(-2).Graded(SourceGrade.A, Credibility.Confirmed).Build(),
    ];

    [Fact]
    public void Every_day_s_stance_and_shifts_are_the_replay_s()
    {
        var evidence = Record();
        var actor = new ActorRef("speaker", "A Speaker");
        var history = StanceHistory.Build("q", [(1, actor, evidence)], NoIds);

        var checkedDays = 0;
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2024, 7, 1); day = day.AddDays(1))
        {
            var read = history.At(day, Today);
            var upToDay = evidence.Where(e => e.Date.Value <= day).ToList();
            if (upToDay.Count == 0)
            {
                Assert.Empty(read.Stances);
                continue;
            }
            var (expected, expectedShifts) = LatentStanceCalculator.ComputeWithShifts(upToDay, day, Today);
            AssertSameStance(expected, Assert.Single(read.Stances).Stance, $"as of {day}");
            Assert.Equal(expectedShifts.Select(s => (s.Kind, s.From, s.To, s.Date, s.StatementKey)).Reverse(),
                read.Shifts.Select(s => (s.Shift.Kind, s.Shift.From, s.Shift.To, s.Shift.Date, s.Shift.StatementKey)));
            checkedDays++;
        }
        Assert.True(checkedDays > 150);
        // The record does move: a reversal and a retraction lie inside the days compared.
        Assert.NotEmpty(history.At(new DateOnly(2024, 7, 1), Today).Shifts);
    }

    [Fact]
    public void Knowledge_earlier_than_the_last_statement_became_known_is_left_to_the_replay()
    {
        var late = new EvidenceBuilder().Key("late").On(2024, 2, 1).KnownFrom(2024, 6, 1).Position(2).Build();
        var history = StanceHistory.Build("q", [(1, new ActorRef("speaker", "A Speaker"), [.. Record(), late])], NoIds);

        Assert.Equal(new DateOnly(2024, 6, 1), history.LatestKnown);
        Assert.True(history.Answers(new DateOnly(2024, 6, 1)));
        Assert.False(history.Answers(new DateOnly(2024, 5, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.At(new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 31)));
    }

    [Fact]
    public void A_stance_read_off_the_history_shows_the_filter_s_last_step_and_no_evidence_list()
    {
        var history = StanceHistory.Build("q", [(1, new ActorRef("speaker", "A Speaker"), Record())], NoIds);

        // Read under a culture with a decimal comma: the arithmetic is written the same for everyone.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        Stance stance;
        try
        {
            stance = Assert.Single(history.At(new DateOnly(2024, 6, 15), Today).Stances).Stance;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Empty(stance.Evidence);
        string Two(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(
            $@"^Filtered \(statements to date\): after the statements of 16 May 2024, mean -?\d\.\d\d with variance (\d\.\d{{4}}) from {stance.EvidenceCount} counting statement\(s\); " +
            $@"30 day\(s\) of drift since: variance \1 \+ 30 × 0\.\d{{6}} = \d\.\d{{4}}; sd {Two(stance.Sd!.Value)}; 95% interval {Two(stance.Interval!.Low)} to {Two(stance.Interval.High)} " +
            $@"→ {stance.Band.ToWire()} \(methodology 2\.0; each statement's weight is shown with the evidence\)$",
            stance.Arithmetic);
        Assert.Equal(["training only", "not at this stage"], stance.Qualifiers);
    }

    [Fact]
    public async Task A_generated_corpus_reads_the_same_off_the_history_as_from_the_replay_at_any_date()
    {
        await using var database = await GeneratedDatabase.CreateAsync(3_000, actors: 40, seed: 11);
        var queries = new StanceQueries(database);
        await using var db = database.CreateDbContext();
        var questions = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).Take(3).ToListAsync(Ct);
        var retracted = await db.StatementRelations.CountAsync(r => r.Type == RelationType.Retracts, Ct);
        Assert.True(retracted > 0, "the corpus should hold retractions for this comparison to test them");
        var knownAt = await EverythingKnownAsync(db);

        var compared = 0;
        foreach (var question in questions)
        {
            foreach (var asOf in new[] { new DateOnly(2016, 6, 1), new DateOnly(2020, 11, 17), new DateOnly(2024, 9, 30), knownAt })
            {
                var replayed = await queries.ForQuestionAsync(question, asOf, knownAt, StanceLens.Default, null, Ct);
                var read = await queries.OverviewAsync(question, asOf, knownAt, StanceLens.Default, Ct);

                Assert.All(read!.Stances, s => Assert.Empty(s.Stance.Evidence)); // read off the history, not replayed
                Assert.Equal(replayed!.Stances.Select(s => s.Actor), read.Stances.Select(s => s.Actor));
                foreach (var (expected, actual) in replayed.Stances.Zip(read.Stances)) AssertSameStance(expected.Stance, actual.Stance, $"{question} {actual.Actor.Slug} {asOf}");
                Assert.Equal(replayed.Shifts.Select(s => (s.Actor, s.Shift.Kind, s.Shift.Date, s.Shift.StatementKey)),
                    read.Shifts.Select(s => (s.Actor, s.Shift.Kind, s.Shift.Date, s.Shift.StatementKey)));
                compared += read.Stances.Count;
            }
        }
        Assert.True(compared > 200);
    }

    [Fact]
    public async Task An_actor_s_stances_on_every_question_read_the_same_off_the_histories_as_from_the_replay()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 20, seed: 3);
        using var cache = new StanceCache();
        var queries = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var knownAt = await EverythingKnownAsync(db);
        var speakers = await db.Actors.OrderBy(a => a.Id).Select(a => a.Slug).Take(5).ToListAsync(Ct);

        var compared = 0;
        foreach (var actor in speakers)
        {
            foreach (var asOf in new[] { new DateOnly(2018, 3, 1), new DateOnly(2023, 7, 9), knownAt })
            {
                var replayed = await queries.ForActorAsync(actor, asOf, knownAt, StanceLens.Default, Ct);
                var read = await queries.ActorOverviewAsync(actor, asOf, knownAt, StanceLens.Default, Ct);

                Assert.Equal(replayed.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
                foreach (var (question, stance) in read)
                {
                    Assert.Empty(stance.Evidence);
                    AssertSameStance(replayed[question], stance, $"{actor} on {question} as of {asOf}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 50);
    }

    [Fact]
    public async Task Another_lens_or_earlier_knowledge_takes_the_replay_with_its_evidence()
    {
        await using var database = await GeneratedDatabase.CreateAsync(1_000, actors: 20, seed: 5);
        var queries = new StanceQueries(database);
        await using var db = database.CreateDbContext();
        var question = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).FirstAsync(Ct);
        var latestKnown = await EverythingKnownAsync(db);
        var asOf = new DateOnly(2024, 1, 1);

        var earlier = await queries.OverviewAsync(question, asOf, asOf, StanceLens.Default, Ct);
        var hindsight = await queries.OverviewAsync(question, asOf, Today, new StanceLens(Methodology.Version2, StanceView.Hindsight), Ct);
        var read = await queries.OverviewAsync(question, asOf, latestKnown, StanceLens.Default, Ct);

        Assert.True(asOf < latestKnown);
        Assert.Contains(earlier!.Stances, s => s.Stance.Evidence.Count > 0);
        Assert.Contains(hindsight!.Stances, s => s.Stance.Evidence.Count > 0);
        Assert.All(read!.Stances, s => Assert.Empty(s.Stance.Evidence));
    }

    [Fact]
    public async Task With_a_cache_each_question_s_history_is_built_once_until_the_corpus_changes()
    {
        using var cache = new StanceCache();
        var builds = 0;
        Task<StanceHistory?> Build(CancellationToken _)
        {
            Interlocked.Increment(ref builds);
            return Task.FromResult<StanceHistory?>(StanceHistory.Build("q", [(1, new ActorRef("speaker", "A Speaker"), Record())], NoIds));
        }

        var first = await cache.GetOrBuildHistoryAsync("q", Build, Ct);
        var again = await cache.GetOrBuildHistoryAsync("q", Build, Ct);
        cache.Invalidate();
        var afterWrite = await cache.GetOrBuildHistoryAsync("q", Build, Ct);

        Assert.Same(first, again);
        Assert.NotSame(first, afterWrite);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task A_saved_change_is_in_the_next_read_of_the_history()
    {
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);
        var day = new DateOnly(2024, 4, 30);

        var before = await queries.OverviewAsync("troop-deployment", day, Today, StanceLens.Default, Ct);
        await StanceCacheTests.RecodeMacronAsRulingOutTroopsAsync(database);
        var after = await queries.OverviewAsync("troop-deployment", day, Today, StanceLens.Default, Ct);

        Assert.True(before!.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance.Position > 0);
        Assert.True(after!.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance.Position < 0);
    }

    [Fact]
    public async Task An_actor_s_lines_and_shifts_read_the_same_off_the_histories_as_from_the_replay()
    {
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 20, seed: 9);
        using var cache = new StanceCache();
        var queries = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var knownAt = await EverythingKnownAsync(db);
        var speakers = await db.Actors.OrderBy(a => a.Id).Select(a => a.Slug).Take(6).ToListAsync(Ct);

        var (points, shifts) = (0, 0);
        foreach (var actor in speakers)
        {
            foreach (var asOf in new[] { new DateOnly(2019, 5, 1), new DateOnly(2024, 2, 29), knownAt })
            {
                var replayed = await queries.ReplayHistoryAsync(actor, asOf, knownAt, StanceLens.Default, Ct);
                var read = await queries.HistoryAsync(actor, asOf, knownAt, StanceLens.Default, Ct);

                Assert.Equal(replayed.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
                foreach (var (question, (line, found)) in read)
                {
                    var expected = replayed[question];
                    Assert.Equal(expected.Line.Select(p => (p.Date, p.Band, p.StatementKey, p.Position is null, p.Interval is null)),
                        line.Select(p => (p.Date, p.Band, p.StatementKey, p.Position is null, p.Interval is null)));
                    foreach (var (e, a) in expected.Line.Zip(line))
                    {
                        if (e.Position is { } position) Assert.Equal(position, a.Position!.Value, 12);
                        if (e.Interval is { } interval) Assert.Equal(interval.Low, a.Interval!.Low, 12);
                    }
                    Assert.Equal(expected.Shifts.Select(s => (s.Kind, s.From, s.To, s.Date, s.StatementKey, s.ByRetraction, string.Join(",", s.MeetingsBefore.Select(m => m.Key)))),
                        found.Select(s => (s.Kind, s.From, s.To, s.Date, s.StatementKey, s.ByRetraction, string.Join(",", s.MeetingsBefore.Select(m => m.Key)))));
                    Assert.All(found, s => Assert.True(s.Date.Value <= asOf));
                    points += line.Count;
                    shifts += found.Count;
                }
            }
        }
        Assert.True(points > 500, $"{points} points compared");
        Assert.True(shifts > 0, "no shift compared");
    }

    [Fact]
    public async Task An_actor_s_statement_keys_and_meetings_are_read_once_until_the_next_write()
    {
        var (database, reads, actor, knownAt) = await CountedCorpusAsync();
        await using var disposeDatabase = database;
        using var cache = new StanceCache();
        var queries = new StanceQueries(database, cache);

        var first = await queries.HistoryAsync(actor, new DateOnly(2019, 5, 1), knownAt, StanceLens.Default, Ct);
        var once = reads.Count;
        var later = await queries.HistoryAsync(actor, new DateOnly(2024, 2, 29), knownAt, StanceLens.Default, Ct);
        Assert.Equal(once, reads.Count);
        cache.Invalidate();
        _ = await queries.HistoryAsync(actor, new DateOnly(2024, 2, 29), knownAt, StanceLens.Default, Ct);

        Assert.True(once > 0);
        Assert.Equal(2 * once, reads.Count);
        Assert.Contains(first.Values, h => h.Line.Count > 0);
        Assert.True(later.Values.Sum(h => h.Line.Count) > first.Values.Sum(h => h.Line.Count));
    }

    [Fact]
    public async Task A_warmed_actor_s_lines_read_nothing_more_until_the_next_write()
    {
        var (database, reads, actor, knownAt) = await CountedCorpusAsync();
        await using var disposeDatabase = database;
        using var cache = new StanceCache();
        var queries = new StanceQueries(database, cache);
        var hindsight = new StanceLens(Methodology.Version2, StanceView.Hindsight);

        Assert.False(queries.IsActorWarm(actor, knownAt));
        await queries.WarmActorAsync(actor, knownAt, Ct);
        Assert.True(queries.IsActorWarm(actor, knownAt));
        var warmed = reads.Count;
        var line = await queries.HistoryAsync(actor, new DateOnly(2023, 1, 1), knownAt, StanceLens.Default, Ct);
        var smoothed = await queries.HistoryAsync(actor, new DateOnly(2023, 1, 1), knownAt, hindsight, Ct);

        Assert.Equal(warmed, reads.Count); // neither the meetings nor the hindsight replay were read again
        Assert.Contains(line.Values, l => l.Line.Count > 0);
        Assert.Contains(smoothed.Values, l => l.Line.Count > 0);
        cache.Invalidate();
        Assert.False(queries.IsActorWarm(actor, knownAt));
    }

    /// <summary>A small generated corpus whose meeting reads are counted, its first actor and the day everything was known.</summary>
    private static async Task<(GeneratedDatabase Database, MeetingReads Reads, string Actor, DateOnly KnownAt)> CountedCorpusAsync()
    {
        var reads = new MeetingReads();
        var database = await GeneratedDatabase.CreateAsync(1_000, actors: 10, seed: 6, reads);
        await using var db = database.CreateDbContext();
        return (database, reads, await db.Actors.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync(Ct), await EverythingKnownAsync(db));
    }

    /// <summary>Counts the commands reading the meetings table: the actor's meetings, read beside their statement keys.</summary>
    private sealed class MeetingReads : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Meetings\"", StringComparison.Ordinal)) Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task A_line_longer_than_a_command_s_parameters_reads_its_statement_keys()
    {
        // One voice for every statement: more days with evidence than SQLite lets a command carry parameters (32,766).
        await using var database = await GeneratedDatabase.CreateAsync(40_000, actors: 1, seed: 2);
        var queries = new StanceQueries(database);
        await using var db = database.CreateDbContext();
        var actor = await db.Actors.Select(a => a.Slug).SingleAsync(Ct);
        var knownAt = await EverythingKnownAsync(db);

        var history = await queries.HistoryAsync(actor, knownAt, knownAt, StanceLens.Default, Ct);

        var points = history.Values.SelectMany(h => h.Line).ToList();
        Assert.True(points.Count > 32_766, $"only {points.Count} points");
        var keys = (await db.Statements.Select(s => s.Key).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(0, points.Count(p => !keys.Contains(p.StatementKey)));
    }

    [Fact]
    public async Task An_actor_s_hindsight_lines_are_replayed_once_and_cut_at_each_date_as_the_replay_cuts_them()
    {
        await using var database = await GeneratedDatabase.CreateAsync(1_500, actors: 15, seed: 4);
        using var cache = new StanceCache();
        var queries = new StanceQueries(database, cache);
        var hindsight = new StanceLens(Methodology.Version2, StanceView.Hindsight);
        await using var db = database.CreateDbContext();
        var actor = await db.Actors.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync(Ct);
        var knownAt = await EverythingKnownAsync(db);

        var first = await queries.HistoryAsync(actor, new DateOnly(2019, 5, 1), knownAt, hindsight, Ct);
        foreach (var asOf in new[] { new DateOnly(2016, 1, 1), new DateOnly(2019, 5, 1), knownAt })
        {
            var replayed = await queries.ReplayHistoryAsync(actor, asOf, knownAt, hindsight, Ct);
            var read = await queries.HistoryAsync(actor, asOf, knownAt, hindsight, Ct);

            Assert.Equal(replayed.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
            foreach (var (question, (line, shifts)) in read)
            {
                Assert.Equal(replayed[question].Line, line);
                Assert.Equal(replayed[question].Shifts.Select(s => (s.Kind, s.Date, s.StatementKey)), shifts.Select(s => (s.Kind, s.Date, s.StatementKey)));
            }
        }
        // Kept: another date of the same actor reads the same lines, not a new replay.
        var again = await queries.HistoryAsync(actor, new DateOnly(2019, 5, 1), knownAt, hindsight, Ct);
        Assert.Same(first.Values.First().Shifts, again.Values.First().Shifts);
        Assert.Contains(first.Values, h => h.Line.Count > 0);
    }

    /// <summary>The day the corpus's last statement became known: from then on, the histories answer.</summary>
    private static Task<DateOnly> EverythingKnownAsync(Core.Data.AppDbContext db) => db.Statements.MaxAsync(s => s.KnownFrom ?? s.Date, Ct);

    private static int NoIds(string key) => 0;

    private static void AssertSameStance(Stance expected, Stance actual, string where)
    {
        Assert.True(expected.Band == actual.Band, $"{where}: band {actual.Band}, replay {expected.Band}");
        Assert.Equal(expected.EvidenceCount, actual.EvidenceCount);
        Assert.Equal(expected.Position is null, actual.Position is null);
        if (expected.Position is { } position) Assert.Equal(position, actual.Position!.Value, 12);
        if (expected.Sd is { } sd) Assert.Equal(sd, actual.Sd!.Value, 12);
        Assert.Equal(expected.Interval is null, actual.Interval is null);
        if (expected.Interval is { } interval)
        {
            Assert.Equal(interval.Low, actual.Interval!.Low, 12);
            Assert.Equal(interval.High, actual.Interval.High, 12);
        }
        Assert.Equal(expected.Confidence, actual.Confidence, 12);
        Assert.True(expected.Since == actual.Since, $"{where}: since {actual.Since}, replay {expected.Since}");
        Assert.Equal(expected.Qualifiers, actual.Qualifiers);
        Assert.Equal(expected.Method, actual.Method);
    }
}
