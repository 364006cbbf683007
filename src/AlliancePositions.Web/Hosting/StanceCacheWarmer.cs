using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// Builds every question's <see cref="StanceHistory"/>, computes its stances for today (as of and known at), the
/// statements page's topic counts with no filter and the recently opened actors' lines in the background: after
/// start-up, after the corpus changes (once writes have paused for <see cref="Quiet"/>), and when the date turns. The
/// home page, lists, question pages and the actors people are reading then read a warm <see cref="StanceCache"/> at any
/// date instead of making their first visitor wait for every question at once.
/// </summary>
internal sealed class StanceCacheWarmer(StanceCache cache, StanceQueries stances, QuestionQueries questionQueries, StatementQueries statements, TimeProvider clock,
    ILogger<StanceCacheWarmer> logger) : BackgroundService
{
    /// <summary>How long writes must pause before the cache is warmed again (an import or an editing session is many writes).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (long Version, DateOnly Day)? warmed = null;
        var (seenVersion, quietSince) = (cache.Version, clock.GetUtcNow());
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            var now = clock.GetUtcNow();
            if (cache.Version != seenVersion) (seenVersion, quietSince) = (cache.Version, now);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var due = warmed is null || warmed.Value.Day != today || (warmed.Value.Version != seenVersion && now - quietSince >= Quiet);
            if (!due) continue;
            try
            {
                warmed = (seenVersion, today);
                await WarmAsync(today, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A page computes what it needs itself; a failed warm-up only costs its first visitor time.
                logger.LogWarning(exception, "Warming the stance cache failed; pages compute stances on demand");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WarmAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var questions = await questionQueries.ListAsync(cancellationToken);
        foreach (var question in questions)
        {
            // The history serves the pages at every date (OverviewAsync); the full stances, with their weighted
            // evidence, serve today's API answers and actor pages.
            await stances.OverviewAsync(question.Slug, today, today, StanceLens.Default, cancellationToken);
            await stances.ForQuestionAsync(question.Slug, today, today, StanceLens.Default, null, cancellationToken);
        }
        // The statements page opens with no filter: its topic counts read every tag (seconds on a large corpus).
        await statements.TopicCountsAsync(await statements.ResolveAsync(new StatementFilter(), cancellationToken), cancellationToken);
        // The actors whose pages were opened last: a write cleared their lines' keys and hindsight lines, which take a
        // busy actor's first visit seconds; they are ready before their readers come back. Oldest first: each one warmed
        // counts as asked about, so the list keeps its order.
        var actors = cache.RecentActors;
        foreach (var actor in actors.Reverse()) await stances.WarmActorAsync(actor, today, cancellationToken);
        logger.LogInformation("Stances of {Questions} question(s) for {Day}, the topic counts and {Actors} recently opened actor(s) computed in {Seconds:0.0} s",
            questions.Count, today, actors.Count, clock.GetElapsedTime(started).TotalSeconds);
    }
}

public static class StanceCacheWarmerSetup
{
    /// <summary>
    /// Hosted services start in the order they are added: add this after <see cref="DatabaseStartupSetup.AddCorpusSeeding"/>
    /// (the database is ready) and <see cref="StanceCacheSyncSetup.AddStanceCacheSync"/> (the node hears the others'
    /// writes), so that what it computes is not thrown away when the node starts listening.
    /// </summary>
    public static IServiceCollection AddStanceCacheWarming(this IServiceCollection services) => services.AddHostedService<StanceCacheWarmer>();
}
