using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Stances;

/// <summary>
/// After a write a question's history walks again only the actors the write concerned. What it then answers must be
/// what a history built anew from the database answers, whatever the write was: otherwise a stance would lag behind
/// the evidence an analyst just saved.
/// </summary>
public class HistoryRefreshTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_history_brought_up_to_date_for_some_actors_answers_as_one_built_anew()
    {
        var (alice, bob, carol) = (new ActorRef("alice", "Alice"), new ActorRef("bob", "Bob"), new ActorRef("carol", "Carol"));
        List<EvidenceItem> Said(string prefix, params (int Month, int Position)[] items) =>
            [.. items.Select((item, i) => new EvidenceBuilder().Key($"{prefix}{i}").On(2024, item.Month, 10).Position(item.Position).Build())];
        var before = StanceHistory.Build("q", [(1, alice, Said("a", (1, 2), (3, 1))), (2, bob, Said("b", (2, -1))), (3, carol, Said("c", (1, 1), (4, -2)))], _ => 0);

        // Alice now reverses, Bob's only statement is gone, Carol is as she was; Alice is renamed so that she sorts last.
        var renamed = new ActorRef("alice", "Zoe Alice");
        var alicesNow = Said("a", (1, 2), (3, 1), (5, -2));
        var refreshed = before.WithActors(new HashSet<int> { 1, 2 }, [(1, renamed, alicesNow), (3, carol, Said("c", (9, 2)))], _ => 0);
        var built = StanceHistory.Build("q", [(1, renamed, alicesNow), (3, carol, Said("c", (1, 1), (4, -2)))], _ => 0);

        Assert.Equal(built.LatestKnown, refreshed.LatestKnown);
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2024, 7, 1); day = day.AddDays(7))
            Assert.Equal(Described(built.At(day, Today)), Described(refreshed.At(day, Today)));
        Assert.Equal(["carol", "alice"], refreshed.At(new DateOnly(2024, 7, 1), Today).Stances.Select(s => s.Actor.Slug));
    }

    [Fact]
    public async Task A_cached_history_walks_what_the_writes_since_changed_once_and_is_built_anew_after_a_change_of_everything()
    {
        using var cache = new StanceCache();
        var (builds, refreshes) = (0, new List<CorpusChange>());
        var history = StanceHistory.Build("q", [], _ => 0);
        Task<StanceHistory?> BuildAsync(CancellationToken _)
        {
            builds++;
            return Task.FromResult<StanceHistory?>(history);
        }
        Task<StanceHistory?> RefreshAsync(StanceHistory? current, CorpusChange change, CancellationToken _)
        {
            Assert.Same(history, current);
            refreshes.Add(change);
            return Task.FromResult<StanceHistory?>(StanceHistory.Build("q", [], _ => 0));
        }
        Task<StanceHistory?> ReadAsync() => cache.GetOrBuildHistoryAsync("q", BuildAsync, RefreshAsync, Ct);

        await ReadAsync();
        cache.Invalidate(CorpusChange.Of([1, 2], []));
        cache.Invalidate(CorpusChange.Of([3], [7]));
        var afterWrites = await ReadAsync();
        Assert.Same(afterWrites, await ReadAsync());
        cache.Invalidate(CorpusChange.None); // a write that touches no history: a document's title, say
        Assert.Same(afterWrites, await ReadAsync());
        cache.Invalidate();
        await ReadAsync();

        Assert.Equal(2, builds);
        var change = Assert.Single(refreshes);
        Assert.Equal([1, 2, 3], change.Statements.Order());
        Assert.Equal([7], change.Actors);
    }

    [Fact]
    public async Task After_every_kind_of_write_through_the_app_the_cached_stances_are_the_ones_computed_anew()
    {
        using var cache = new StanceCache();
        var told = new List<CorpusChange>();
        await using var database = await SeededAndToldAsync(cache, told);
        var cached = new StanceQueries(database, cache);
        var anew = new StanceQueries(database, cache: null);
        await using var db = database.CreateDbContext();
        var questions = await db.Questions.Select(q => q.Slug).ToListAsync(Ct);
        var days = new[] { new DateOnly(2022, 6, 1), new DateOnly(2024, 2, 15), new DateOnly(2024, 4, 15), Today };
        var actors = await db.Actors.Select(a => a.Slug).ToListAsync(Ct);

        var compared = 0;
        async Task<string> EveryStanceAsync(StanceQueries queries)
        {
            var all = new List<string>();
            foreach (var question in questions)
                foreach (var day in days)
                {
                    var found = await queries.OverviewAsync(question, day, Today, StanceLens.Default, Ct);
                    all.Add($"{question} as of {day}:\n{Described(found)}");
                    compared += found?.Stances.Count ?? 0;
                    // With each statement's weight: what the API's answers and the actor pages' evidence read.
                    all.Add($"{question} as of {day}, weighed:\n{Described(await queries.ForQuestionAsync(question, day, Today, StanceLens.Default, null, Ct))}");
                }
            // What an actor's page reads beside the histories: the statements behind the points, the meetings before the shifts, the smoother's lines.
            foreach (var actor in actors)
                foreach (var lens in new[] { StanceLens.Default, Hindsight })
                    all.Add($"{actor} {lens.View}:\n{Described(await queries.HistoryAsync(actor, Today, Today, lens, Ct))}");
            return string.Join("\n\n", all);
        }

        var expected = await EveryStanceAsync(anew);
        Assert.Equal(expected, await EveryStanceAsync(cached));
        async Task WriteAsync(string what, Func<AppDbContext, Task> write, bool? moves = true)
        {
            await using (var context = database.CreateDbContext())
            {
                await write(context);
                await context.SaveChangesAsync(Ct);
            }
            var before = expected;
            expected = await EveryStanceAsync(anew);
            if (moves is { } move) Assert.True(move == (expected != before), $"{what}: the stances {(move ? "did not move" : "moved")}");
            Assert.Equal(expected, await EveryStanceAsync(cached));
        }
        Task<Statement> StatementAsync(AppDbContext c, string key) => c.Statements.SingleAsync(x => x.Key == key, Ct);
        Task<Coding> CodingAsync(AppDbContext c, string statement, string question) =>
            c.Codings.OrderBy(x => x.Id).FirstAsync(x => x.Statement.Key == statement && x.Question.Slug == question, Ct);

        await WriteAsync("a recoding", async c => (await CodingAsync(c, "macron-persuades", "tougher-stance")).Position = -2);
        await WriteAsync("a coding on another question", async c =>
        {
            var coding = await CodingAsync(c, "white-house-caution", "tougher-stance");
            c.Codings.Add(new Coding { StatementId = coding.StatementId, QuestionId = await c.Questions.Where(q => q.Slug == "troop-deployment").Select(q => q.Id).SingleAsync(Ct),
                CoderId = coding.CoderId, Position = 2 });
        });
        // Another actor's later statement retracts the White House's: it stops counting from the retraction's date.
        await WriteAsync("a retraction", async c => c.StatementRelations.Add(new StatementRelation
        {
            FromStatementId = (await StatementAsync(c, "us-official-warns")).Id, ToStatementId = (await StatementAsync(c, "white-house-caution")).Id, Type = RelationType.Retracts,
        }));
        await WriteAsync("the retracting statement's date moved", async c => (await StatementAsync(c, "us-official-warns")).Date = new DateOnly(2024, 6, 1));
        await WriteAsync("a statement given to another actor", async c =>
            (await StatementAsync(c, "macron-signal")).ActorId = await c.Actors.Where(a => a.Slug == "olaf-scholz").Select(a => a.Id).SingleAsync(Ct));
        await WriteAsync("an actor renamed to sort first", async c => (await c.Actors.SingleAsync(a => a.Slug == "white-house", Ct)).Name = "Aaron Abbott");
        await WriteAsync("the retracting statement deleted", async c => (await StatementAsync(c, "us-official-warns")).DeletedAt = DateTimeOffset.UtcNow);
        await WriteAsync("a coding deleted", async c => (await CodingAsync(c, "scholz-warns", "tougher-stance")).DeletedAt = DateTimeOffset.UtcNow);
        // The seed's stances do not shift, so the meetings before a shift are compared, not seen to move.
        await WriteAsync("a meeting attended", async c => c.Meetings.Add(new Meeting
        {
            Key = "a-later-summit", Title = "Summit", Date = new DateOnly(2024, 4, 2), Participants = [await c.Actors.SingleAsync(a => a.Slug == "emmanuel-macron", Ct)],
        }), moves: null);
        await WriteAsync("a document's title", async c => (await c.Documents.OrderBy(d => d.Id).FirstAsync(Ct)).Title += " (corrected)", moves: false);
        // A coding narrows the change to its question, a meeting does not: in one save, every line's shifts are read again.
        await WriteAsync("a recoding and a meeting in one save", async c =>
        {
            (await CodingAsync(c, "macron-persuades", "tougher-stance")).Position = 1;
            c.Meetings.Add(new Meeting
            {
                Key = "an-earlier-summit", Title = "Summit", Date = new DateOnly(2024, 2, 20), Participants = [await c.Actors.SingleAsync(a => a.Slug == "emmanuel-macron", Ct)],
            });
        });

        // Each write told what it changed, so each history walked a few actors again instead of being built anew.
        Assert.Equal(11, told.Count);
        Assert.All(told, change => Assert.False(change.Everything));
        // Codings name their questions, edited statements and relations say so (their questions are read later), and
        // an edited actor may move every question.
        Assert.Equal([true, true, true, true, true, false, true, true], told.Take(8).Select(change => change.Questions is not null));
        Assert.Equal([false, false, true, true, true, false, true, false], told.Take(8).Select(change => change.StatementsEdited));
        Assert.True(told[8].Meetings);
        Assert.False(told[9].TouchesHistories || told[9].Meetings);
        Assert.True(told[10] is { Meetings: true, Questions: not null });
        Assert.True(compared > 100, $"{compared} stances compared");
    }

    [Fact]
    public async Task Writes_the_change_tracker_cannot_account_for_are_a_change_of_everything()
    {
        using var cache = new StanceCache();
        var told = new List<CorpusChange>();
        await using var database = await SeededAndToldAsync(cache, told);

        await using (var db = database.CreateDbContext())
        {
            (await db.Questions.OrderBy(q => q.Id).FirstAsync(Ct)).Title += "?";
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.CreateDbContext())
        {
            // Hard-deleted, a statement takes its retractions of others with it, out of the change tracker's sight.
            var relations = await db.StatementRelations.ToListAsync(Ct);
            db.StatementRelations.RemoveRange(relations);
            await db.SaveChangesAsync(Ct);
            db.Statements.Remove(await db.Statements.OrderBy(s => s.Id).FirstAsync(Ct));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.CreateDbContext())
            await db.Codings.Where(c => c.Position == 2).ExecuteUpdateAsync(s => s.SetProperty(c => c.Position, 1), Ct);
        await using (var db = database.CreateDbContext())
        {
            // A transaction the app opens may hold writes past the change tracker (an import's bulk load): its commit tells.
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            (await db.Codings.OrderBy(c => c.Id).FirstAsync(Ct)).Position = 0;
            await db.SaveChangesAsync(Ct);
            Assert.Equal(4, told.Count); // nothing yet: the save waits for the commit
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal([true, false, true, true, true], told.Select(c => c.Everything));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("s;a")]
    [InlineData("s1,2,3;a")]
    [InlineData("s;a4")]
    [InlineData("s7;a8,9")]
    [InlineData("s;a;m")]
    [InlineData("s1;a2;m")]
    [InlineData("s1,2;a;q3")]
    [InlineData("s1;a;q3,4;m")]
    [InlineData("s1;a;q;e")]
    [InlineData("s1;a;q3;e;m")]
    public void A_change_is_told_to_the_other_nodes_as_text_and_read_back_the_same(string text) =>
        Assert.Equal(text, CorpusChange.Parse(text).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s1;b2")]
    [InlineData("s1,x;a")]
    [InlineData("s-1;a")]
    [InlineData("a1;s2")]
    [InlineData("s1;a2;x")]
    [InlineData("s1;a2;m;m")]
    [InlineData("s1;a;qx")]
    [InlineData("s1;a;m;q3")]
    [InlineData("s1;a;q3;q4")]
    [InlineData("s1;a;e")]
    [InlineData("s1;a;q3;m;e")]
    public void A_change_that_cannot_be_read_is_a_change_of_everything(string? text) => Assert.True(CorpusChange.Parse(text).Everything);

    [Fact]
    public void A_change_of_too_many_ids_to_list_is_a_change_of_everything()
    {
        Assert.False(CorpusChange.Of(Enumerable.Range(1, CorpusChange.MostIds), []).Everything);
        Assert.True(CorpusChange.Of(Enumerable.Range(1, CorpusChange.MostIds), [1]).Everything);
    }

    /// <summary>The seed in a database whose writes tell <paramref name="cache"/>, and each change told after the seed's load.</summary>
    [Theory]
    [InlineData("a recoding")]
    [InlineData("a statement's date moved")]
    public async Task A_write_s_evidence_is_read_once_for_every_question_and_actor_line_it_brings_up_to_date(string write)
    {
        using var cache = new StanceCache();
        var evidenceReads = new CommandsReading("Codings", alsoNaming: "\"Position\""); // the evidence, not which questions a statement is coded on
        await using var database = await SeededAndToldAsync(cache, [], evidenceReads);
        var cached = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var questions = await db.Questions.Select(q => q.Slug).ToListAsync(Ct);
        Assert.True(questions.Count > 1);
        var written = await db.Codings.OrderBy(c => c.Id).Select(c => new { c.Id, c.StatementId, c.Statement.Actor.Slug }).FirstAsync(Ct);
        async Task ReadEveryQuestionAsync()
        {
            foreach (var question in questions)
            {
                _ = await cached.OverviewAsync(question, Today, Today, StanceLens.Default, Ct); // the history
                _ = await cached.ForQuestionAsync(question, Today, Today, StanceLens.Default, null, Ct); // the weighed stances kept
            }
            _ = await cached.HistoryAsync(written.Slug, Today, Today, Hindsight, Ct); // the actor's lines in hindsight
        }
        await ReadEveryQuestionAsync();

        await using (var context = database.CreateDbContext())
        {
            if (write == "a recoding")
            {
                var coding = await context.Codings.SingleAsync(c => c.Id == written.Id, Ct);
                coding.Position = coding.Position == 2 ? -2 : 2;
            }
            else (await context.Statements.SingleAsync(s => s.Id == written.StatementId, Ct)).Date = new DateOnly(2024, 3, 20);
            await context.SaveChangesAsync(Ct);
        }
        evidenceReads.Reset();
        await ReadEveryQuestionAsync();

        // Each question's history and stances, and the actor's lines in hindsight, brought up to date from one read of
        // the actor's evidence, not one each.
        Assert.Equal(1, evidenceReads.Count);
    }

    [Fact]
    public async Task Codings_saved_on_one_question_leave_the_other_questions_and_the_actor_s_record_as_they_were()
    {
        using var cache = new StanceCache();
        var told = new List<CorpusChange>();
        var meetingReads = new CommandsReading("Meetings");
        await using var database = await SeededAndToldAsync(cache, told, meetingReads);
        var cached = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var questions = await db.Questions.Select(q => q.Slug).ToListAsync(Ct);
        var recoded = await db.Codings.OrderBy(c => c.Id).Select(c => new { c.Id, c.QuestionId, Question = c.Question.Slug, c.Statement.Actor.Slug }).FirstAsync(Ct);
        async Task<Dictionary<string, StanceHistory?>> ReadAllAsync()
        {
            foreach (var question in questions) _ = await cached.OverviewAsync(question, Today, Today, StanceLens.Default, Ct);
            _ = await cached.HistoryAsync(recoded.Slug, Today, Today, StanceLens.Default, Ct); // with the statements and meetings behind the points
            _ = await cached.HistoryAsync(recoded.Slug, Today, Today, Hindsight, Ct);
            var histories = new Dictionary<string, StanceHistory?>();
            foreach (var question in questions)
                histories[question] = await cache.GetOrBuildHistoryAsync(question, _ => throw new InvalidOperationException("built again"), Ct);
            return histories;
        }
        meetingReads.Reset();
        var before = await ReadAllAsync();
        var meetingsReadFirst = meetingReads.Count; // for the record behind the points and for the lines in hindsight

        await using (var write = database.CreateDbContext())
        {
            var coding = await write.Codings.SingleAsync(c => c.Id == recoded.Id, Ct);
            coding.Position = coding.Position == 2 ? -2 : 2;
            await write.SaveChangesAsync(Ct);
        }
        meetingReads.Reset();
        var after = await ReadAllAsync();

        Assert.Equal([recoded.QuestionId], told.Single().Questions!);
        foreach (var question in questions)
            if (question == recoded.Question) Assert.NotSame(before[question], after[question]);
            else Assert.Same(before[question], after[question]);
        // The meetings are read again for the lines in hindsight alone (their shifts), not for the record behind the points.
        // (One read may be more than one command: PostgreSQL's reads its participants apart.)
        Assert.True(meetingsReadFirst > 0);
        Assert.Equal(meetingsReadFirst / 2, meetingReads.Count);
    }

    [Fact]
    public async Task A_statement_edited_brings_up_to_date_the_questions_it_is_coded_on_alone()
    {
        using var cache = new StanceCache();
        var told = new List<CorpusChange>();
        await using var database = await SeededAndToldAsync(cache, told);
        var cached = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var questions = await db.Questions.Select(q => q.Slug).ToListAsync(Ct);
        var editedId = await db.Statements.OrderBy(s => s.Id).Where(s => s.Codings.Any() && !s.Relations.Any()).Select(s => s.Id).FirstAsync(Ct);
        var coded = await db.Codings.Where(c => c.StatementId == editedId).Select(c => c.Question.Slug).Distinct().ToListAsync(Ct);
        Assert.True(coded.Count < questions.Count);
        async Task<Dictionary<string, StanceHistory?>> ReadAllAsync()
        {
            var histories = new Dictionary<string, StanceHistory?>();
            foreach (var question in questions)
            {
                _ = await cached.OverviewAsync(question, Today, Today, StanceLens.Default, Ct);
                histories[question] = await cache.GetOrBuildHistoryAsync(question, _ => throw new InvalidOperationException("built again"), Ct);
            }
            return histories;
        }
        var before = await ReadAllAsync();

        await using (var write = database.CreateDbContext())
        {
            (await write.Statements.SingleAsync(s => s.Id == editedId, Ct)).Date = new DateOnly(2024, 3, 20);
            await write.SaveChangesAsync(Ct);
        }
        var after = await ReadAllAsync();

        Assert.True(told.Single() is { StatementsEdited: true, Questions.Count: 0 });
        foreach (var question in questions)
            if (coded.Contains(question)) Assert.NotSame(before[question], after[question]);
            else Assert.Same(before[question], after[question]);
    }

    [Fact]
    public async Task A_statement_given_to_another_actor_moves_its_key_between_their_records_without_reading_either_again()
    {
        using var cache = new StanceCache();
        var told = new List<CorpusChange>();
        var recordReads = new CommandsReading("Statements", alsoNaming: "@actorSlug"); // an actor's record read in full
        var replays = new CommandsReading("Codings", alsoNaming: "@actorId"); // an actor's lines replayed from their evidence
        await using var database = await SeededAndToldAsync(cache, told, recordReads, replays);
        var cached = new StanceQueries(database, cache);
        await using var db = database.CreateDbContext();
        var candidates = await db.Statements.OrderBy(s => s.Id).Where(s => s.Codings.Any() && !s.Relations.Any())
            .Select(s => new { s.Id, s.Key, From = s.Actor.Slug, Question = s.Codings.First().Question.Slug }).ToListAsync(Ct);
        async Task<IReadOnlyList<string>> KeysOnLineAsync(string actor, string question) =>
            (await cached.HistoryAsync(actor, Today, Today, StanceLens.Default, Ct)).TryGetValue(question, out var line)
                ? [.. line.Line.Select(p => p.StatementKey)] : [];
        // A statement a point of its actor's line stands on.
        var moved = candidates[0];
        foreach (var candidate in candidates)
            if ((await KeysOnLineAsync(candidate.From, candidate.Question)).Contains(candidate.Key)) { moved = candidate; break; }
        Assert.Contains(moved.Key, await KeysOnLineAsync(moved.From, moved.Question));
        var to = await db.Codings.Where(c => c.Question.Slug == moved.Question && c.Statement.Actor.Slug != moved.From)
            .OrderBy(c => c.Id).Select(c => new { c.Statement.Actor.Id, c.Statement.Actor.Slug }).FirstAsync(Ct);
        Assert.DoesNotContain(moved.Key, await KeysOnLineAsync(to.Slug, moved.Question));

        await using (var write = database.CreateDbContext())
        {
            (await write.Statements.SingleAsync(s => s.Id == moved.Id, Ct)).ActorId = to.Id;
            await write.SaveChangesAsync(Ct);
        }
        recordReads.Reset();
        replays.Reset();

        Assert.True(told.Single() is { StatementsEdited: true });
        Assert.Contains(moved.Key, await KeysOnLineAsync(to.Slug, moved.Question));
        Assert.DoesNotContain(moved.Key, await KeysOnLineAsync(moved.From, moved.Question));
        // Both lines read off the questions' histories, with the two records brought up to date by the one statement's key.
        Assert.Equal(0, recordReads.Count);
        Assert.Equal(0, replays.Count);
    }

    /// <summary>Counts the commands reading a table (and naming a column, when given).</summary>
    private sealed class CommandsReading(string table, string alsoNaming = "") : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly string from = $"FROM \"{table}\"";
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Volatile.Write(ref count, 0);

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(from, StringComparison.Ordinal) && command.CommandText.Contains(alsoNaming, StringComparison.Ordinal)) Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }

    private static async Task<TestDatabase> SeededAndToldAsync(StanceCache cache, List<CorpusChange> told, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] more)
    {
        cache.OnInvalidate = told.Add;
        var database = await SeededDatabase.CreateAsync([new StanceCache.Invalidation(cache), .. more]);
        told.Clear();
        return database;
    }

    private static readonly StanceLens Hindsight = StanceLens.Default with { View = StanceView.Hindsight };

    /// <summary>Every point and shift of an actor's lines, with the statement behind each and the meetings before each shift.</summary>
    private static string Described(IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)> lines) => string.Join('\n',
        lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: " +
            string.Join(' ', l.Value.Line.Select(p => $"{p.Date}/{p.Band}/{p.Position:R}/{p.StatementKey}")) + " | " +
            string.Join(' ', l.Value.Shifts.Select(x => $"{x.Kind} {x.Date} {x.StatementKey} [{string.Join(',', x.MeetingsBefore.Select(m => m.Key))}]"))));

    /// <summary>Every number and word of a date's stances and shifts, for comparing two answers as one text.</summary>
    private static string Described(QuestionStances? stances) => stances is null ? "none" : string.Join('\n',
        stances.Stances.Select(s => $"{s.Actor.Slug} {s.Actor.Name} {s.Stance.Band} {s.Stance.Position:R} {s.Stance.EvidenceCount} {s.Stance.Since} " +
                $"{string.Join('|', s.Stance.Qualifiers)} {s.Stance.Arithmetic} [{string.Join(',', s.Stance.Evidence.Select(e => $"{e.Item.StatementKey}:{e.Weight:R}"))}]")
            .Concat(stances.Shifts.Select(s => $"{s.Actor.Slug} {s.Shift.Kind} {s.Shift.From}->{s.Shift.To} {s.Shift.Date} {s.Shift.StatementKey}")));
}
