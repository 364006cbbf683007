using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Tests.Corpus.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceCacheTests
{
    private static readonly DateOnly AfterTheReport = new(2024, 4, 30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_is_computed_once_until_a_saved_change_then_again_from_the_new_data()
    {
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);

        var first = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);
        var again = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);
        Assert.Same(first, again);

        await RecodeMacronAsRulingOutTroopsAsync(database);
        var after = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        Assert.NotSame(first, after);
        Assert.Equal(1.086, first!.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance.Position!.Value, 3);
        Assert.Equal(StanceBand.Opposes, after!.Stances.Single(s => s.Actor.Slug == "emmanuel-macron").Stance.Band);
    }

    [Fact]
    public async Task Every_actor_s_stances_are_kept_across_writes_and_brought_up_to_date_with_what_the_writes_since_changed()
    {
        using var cache = new StanceCache();
        var (computed, updates) = (0, new List<string>());
        Task<QuestionStances?> ReadAsync() => cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, _ =>
        {
            computed++;
            return Task.FromResult<QuestionStances?>(Empty("q"));
        }, (kept, change, _) =>
        {
            updates.Add(change.ToString());
            return Task.FromResult<QuestionStances?>(Empty("q"));
        }, Ct);

        var first = await ReadAsync();
        Assert.Same(first, cache.Find("q", AfterTheReport, AfterTheReport, StanceLens.Default) is { } found ? await found : null);
        cache.Invalidate(CorpusChange.Of([], []));
        Assert.NotNull(cache.Find("q", AfterTheReport, AfterTheReport, StanceLens.Default)); // a write that moves no stance
        cache.Invalidate(CorpusChange.Of([5], []));
        cache.Invalidate(CorpusChange.Of([6], [2]));
        Assert.Null(cache.Find("q", AfterTheReport, AfterTheReport, StanceLens.Default)); // not until brought up to date
        var updated = await ReadAsync();
        Assert.Same(updated, await ReadAsync());
        cache.Invalidate();
        await ReadAsync();

        Assert.NotSame(first, updated);
        Assert.Equal(2, computed);
        Assert.Equal(["s5,6;a2"], updates);
    }

    [Fact]
    public async Task An_actor_s_record_is_kept_across_the_writes_that_do_not_concern_them_and_computed_again_after_one_that_does()
    {
        using var cache = new StanceCache();
        var (computed, asked) = (0, new List<CorpusChange>());
        Task<int> ReadAsync() => cache.GetOrComputeForActorAsync("alice", "record", _ => Task.FromResult(++computed), (change, _) =>
        {
            asked.Add(change);
            return Task.FromResult(change.Actors.Contains(1));
        }, Ct);

        Assert.Equal(1, await ReadAsync());
        cache.Invalidate(CorpusChange.Of([10], [2]));
        cache.Invalidate(CorpusChange.Of([11], []));
        Assert.Equal(1, await ReadAsync()); // not Alice's: kept, and asked about both writes at once
        Assert.Equal(1, await ReadAsync()); // and not asked again
        Assert.True(cache.HoldsForActor("alice", "record"));
        cache.Invalidate(CorpusChange.Of([12], [1]));
        Assert.False(cache.HoldsForActor("alice", "record"));
        Assert.Equal(2, await ReadAsync());
        cache.Invalidate();
        Assert.Equal(3, await ReadAsync()); // a change of everything concerns everyone, unasked

        Assert.Equal(["s10,11;a2", "s12;a1"], asked.Select(c => c.ToString()));
    }

    [Fact]
    public async Task A_shared_read_serves_those_asking_close_together_and_is_let_go_after_a_pause_or_a_write()
    {
        using var cache = new StanceCache();
        var computed = 0;
        Task<int> ReadAsync() => cache.GetOrShareBrieflyAsync("evidence", TimeSpan.FromMilliseconds(200), _ => Task.FromResult(++computed), Ct);

        Assert.Equal(1, await ReadAsync());
        Assert.Equal(1, await ReadAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        Assert.Equal(2, await ReadAsync()); // not held past the pause
        cache.Invalidate(CorpusChange.Of([1], []));
        Assert.Equal(3, await ReadAsync()); // nor past a write
    }

    [Fact]
    public async Task An_actor_s_record_older_than_the_changes_kept_is_computed_again()
    {
        using var cache = new StanceCache();
        var computed = 0;
        Task<int> ReadAsync() => cache.GetOrComputeForActorAsync("alice", "record", _ => Task.FromResult(++computed), (_, _) => Task.FromResult(false), Ct);

        await ReadAsync();
        for (var i = 0; i < StanceCache.ChangesKept; i++) cache.Invalidate(CorpusChange.Of([i], []));
        Assert.Equal(1, await ReadAsync());
        for (var i = 0; i <= StanceCache.ChangesKept; i++) cache.Invalidate(CorpusChange.Of([i], []));

        Assert.Equal(2, await ReadAsync());
    }

    [Fact]
    public async Task The_actors_asked_about_last_are_remembered_most_recent_first_a_few_at_most_and_across_writes()
    {
        using var cache = new StanceCache();
        async Task AskAsync(string actor) => await cache.GetOrComputeForActorAsync(actor, "lines", _ => Task.FromResult(actor), (_, _) => Task.FromResult(true), Ct);

        for (var i = 0; i < StanceCache.RecentActorsKept + 2; i++) await AskAsync($"actor-{i}");
        await AskAsync("actor-5");
        cache.Invalidate();

        var expected = new[] { "actor-5", "actor-9", "actor-8", "actor-7", "actor-6", "actor-4", "actor-3", "actor-2" };
        Assert.Equal(expected, cache.RecentActors);
        Assert.False(cache.HoldsForActor("actor-5", "lines"));
        await AskAsync("actor-2");
        Assert.True(cache.HoldsForActor("actor-2", "lines"));
        Assert.Equal("actor-2", cache.RecentActors[0]);
        Assert.Equal(StanceCache.RecentActorsKept, cache.RecentActors.Count);
    }

    [Fact]
    public async Task A_choice_of_actors_is_kept_as_its_own_entry_and_names_those_without_a_record()
    {
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);
        string[] chosen = ["olaf-scholz", "joe-biden", "emmanuel-macron"];

        var first = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, chosen, Ct);
        var again = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, chosen.Reverse().ToList(), Ct);

        Assert.Same(first, again);
        Assert.Equal(["Emmanuel Macron", "Joe Biden", "Olaf Scholz"], first!.Stances.Select(s => s.Actor.Name));
        Assert.Equal(StanceBand.NoRecord, first.Stances.Single(s => s.Actor.Slug == "joe-biden").Stance.Band);
        Assert.Null(cache.Find("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default));

        // Once every actor's stances are cached, a choice is a filter of them, with the same answer.
        var all = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);
        var filtered = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, ["emmanuel-macron", "joe-biden", "olaf-scholz"], Ct);
        Assert.NotSame(first, filtered);
        Assert.Equal(first.Stances.Select(s => (s.Actor, s.Stance.Band, s.Stance.Position)), filtered!.Stances.Select(s => (s.Actor, s.Stance.Band, s.Stance.Position)));
        Assert.True(all!.Stances.Count > 3);
    }

    [Fact]
    public async Task A_bulk_update_outside_change_tracking_clears_it_too()
    {
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);
        var before = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        await using (var db = database.CreateDbContext())
            await db.Codings.Where(c => c.Statement.Actor.Slug == "olaf-scholz").ExecuteUpdateAsync(c => c.SetProperty(x => x.Position, 2), Ct);
        var after = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        Assert.Equal(StanceBand.Opposes, before!.Stances.Single(s => s.Actor.Slug == "olaf-scholz").Stance.Band);
        Assert.Equal(StanceBand.Supports, after!.Stances.Single(s => s.Actor.Slug == "olaf-scholz").Stance.Band);
    }

    [Fact]
    public async Task A_write_on_the_context_s_own_connection_clears_it_when_its_transaction_commits()
    {
        // The corpus loader's bulk insert writes with plain commands on the context's connection, which no command
        // interceptor sees; the commit of its transaction is what tells the cache.
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);
        var before = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        await using (var db = database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = """UPDATE "Codings" SET "Position" = 2 WHERE "StatementId" IN (SELECT s."Id" FROM "Statements" s JOIN "Actors" a ON a."Id" = s."ActorId" WHERE a."Slug" = 'olaf-scholz')""";
            await command.ExecuteNonQueryAsync(Ct);
            Assert.Same(before, await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct));
            await transaction.CommitAsync(Ct);
        }
        var after = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        Assert.Equal(StanceBand.Supports, after!.Stances.Single(s => s.Actor.Slug == "olaf-scholz").Stance.Band);
    }

    [Fact]
    public async Task Callers_at_the_same_time_share_one_computation_and_one_who_leaves_does_not_fail_the_other()
    {
        using var cache = new StanceCache();
        var computations = 0;
        var release = new TaskCompletionSource<QuestionStances?>();
        Task<QuestionStances?> Compute(CancellationToken _) { Interlocked.Increment(ref computations); return release.Task; }
        using var leaving = new CancellationTokenSource();

        var staying = cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", Compute, Ct);
        var leaver = cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", Compute, leaving.Token);
        await leaving.CancelAsync();
        var result = Empty("q");
        release.SetResult(result);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaver);
        Assert.Same(result, await staying);
        Assert.Same(result, await cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", Compute, Ct));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task The_computation_runs_off_the_first_caller_s_context()
    {
        // A Blazor circuit that asks first must stay free to render while a large question is worked out.
        using var cache = new StanceCache();
        var callers = new SynchronizationContext();
        SynchronizationContext? computedOn = callers;
        var previous = SynchronizationContext.Current;
        Task<QuestionStances?> pending;
        SynchronizationContext.SetSynchronizationContext(callers);
        try
        {
            pending = cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", _ =>
            {
                computedOn = SynchronizationContext.Current;
                return Task.FromResult<QuestionStances?>(Empty("q"));
            }, Ct);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        await pending;

        Assert.NotSame(callers, computedOn);
    }

    [Fact]
    public async Task A_result_computed_while_the_data_changed_is_not_kept()
    {
        using var cache = new StanceCache();
        var computations = 0;
        Task<QuestionStances?> ComputeDuringAWrite(CancellationToken _)
        {
            computations++;
            cache.Invalidate();
            return Task.FromResult<QuestionStances?>(Empty("q"));
        }

        await cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", ComputeDuringAWrite, Ct);
        await cache.GetOrComputeAsync("q", AfterTheReport, AfterTheReport, StanceLens.Default, "a,b", ComputeDuringAWrite, Ct);

        Assert.Equal(2, computations);
    }

    [Fact]
    public async Task Each_date_pair_is_its_own_entry()
    {
        using var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StanceQueries(database, cache);
        var early = new DateOnly(2024, 2, 26);

        var before = await queries.ForQuestionAsync("troop-deployment", early, early, StanceLens.Default, null, Ct);
        var after = await queries.ForQuestionAsync("troop-deployment", AfterTheReport, AfterTheReport, StanceLens.Default, null, Ct);

        Assert.Empty(before!.Stances);
        Assert.NotEmpty(after!.Stances);
    }

    [Fact]
    public async Task A_question_s_shifts_are_each_actor_s_shifts_from_their_own_history()
    {
        // The home and question pages list shifts from the question's stances; the actor page from the actor's
        // history. Both must tell the same story (the actor's history also names meetings before each shift).
        await using var database = await GeneratedDatabase.CreateAsync(2_000, actors: 40);
        await using var db = database.CreateDbContext();
        var question = await db.Questions.OrderBy(q => q.Id).Select(q => q.Slug).FirstAsync(Ct);
        var asOf = new DateOnly(2024, 6, 30);
        var queries = new StanceQueries(database);

        var stances = await queries.ForQuestionAsync(question, asOf, asOf, StanceLens.Default, null, Ct);

        Assert.NotEmpty(stances!.Shifts);
        Assert.Equal(stances.Shifts.OrderByDescending(s => s.Shift.Date).Select(s => s.Shift.Date), stances.Shifts.Select(s => s.Shift.Date));
        foreach (var actor in stances.Stances.Select(s => s.Actor))
        {
            var history = await queries.HistoryAsync(actor.Slug, asOf, asOf, StanceLens.Default, Ct);
            var expected = history.TryGetValue(question, out var h) ? h.Shifts.Where(s => s.Date.Value <= asOf).ToList() : [];
            var found = stances.Shifts.Where(s => s.Actor.Slug == actor.Slug).Select(s => s.Shift).Reverse().ToList();
            Assert.Equal(expected.Select(s => (s.Kind, s.From, s.To, s.Date, s.StatementKey, s.ByRetraction)),
                found.Select(s => (s.Kind, s.From, s.To, s.Date, s.StatementKey, s.ByRetraction)));
        }
    }

    /// <summary>A saved change through the app's contexts: every coding of Macron on troop deployment becomes -2.</summary>
    internal static async Task RecodeMacronAsRulingOutTroopsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        foreach (var coding in await db.Codings.Where(c => c.Statement.Actor.Slug == "emmanuel-macron" && c.Question.Slug == "troop-deployment").ToListAsync(Ct))
            coding.Position = -2;
        await db.SaveChangesAsync(Ct);
    }

    private static QuestionStances Empty(string question) => new(question, AfterTheReport, AfterTheReport, StanceLens.Default, [], []);
}
