using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Hosting;

public class StanceCacheWarmerTests
{
    [Fact]
    public async Task After_start_up_every_question_s_history_and_stances_for_today_and_the_topic_counts_are_computed_before_anyone_asks()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient(); // starts the host
        var cache = app.Services.GetRequiredService<StanceCache>();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var questions = await app.Services.GetRequiredService<QuestionQueries>().ListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(questions);

        // Nothing but the warmer computes stances here; give it a moment on a slow machine.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (questions.Any(q => cache.Find(q.Slug, today, today, Core.Stances.StanceLens.Default) is null) && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.All(questions, q => Assert.NotNull(cache.Find(q.Slug, today, today, Core.Stances.StanceLens.Default)));
        // The histories every other date reads (no builder is called: each is there already) and the statements page's counts.
        foreach (var question in questions)
            Assert.NotNull(await cache.GetOrBuildHistoryAsync(question.Slug, _ => throw new InvalidOperationException("not warmed"), TestContext.Current.CancellationToken));
        var statements = app.Services.GetRequiredService<StatementQueries>();
        while (statements.KeptTopicCounts is null && DateTime.UtcNow < deadline) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Contains(statements.KeptTopicCounts!, c => c.Topic == "escalation");
        var troops = await cache.Find("troop-deployment", today, today, Core.Stances.StanceLens.Default)!;
        Assert.Contains(troops!.Stances, s => s.Actor.Slug == "olaf-scholz");
    }

    [Fact]
    public async Task After_a_write_the_actors_opened_last_are_computed_again_before_anyone_asks()
    {
        await using var app = new AppFactory();
        using var client = app.CreateClient();
        var cache = app.Services.GetRequiredService<StanceCache>();
        var stances = app.Services.GetRequiredService<StanceQueries>();
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        // As the actors' pages read them: Macron's, then Scholz's.
        await stances.WarmActorAsync("emmanuel-macron", today, TestContext.Current.CancellationToken);
        await stances.WarmActorAsync("olaf-scholz", today, TestContext.Current.CancellationToken);
        Assert.Equal(["olaf-scholz", "emmanuel-macron"], cache.RecentActors.Take(2));

        cache.Invalidate(); // what any write does
        Assert.False(stances.IsActorWarm("emmanuel-macron", today));

        // The warmer waits for writes to pause (StanceCacheWarmer.Quiet), then works through the questions and the actors.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(stances.IsActorWarm("emmanuel-macron", today) && stances.IsActorWarm("olaf-scholz", today)) && DateTime.UtcNow < deadline)
            await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.True(stances.IsActorWarm("emmanuel-macron", today));
        Assert.True(stances.IsActorWarm("olaf-scholz", today));
        Assert.Equal(["olaf-scholz", "emmanuel-macron"], cache.RecentActors.Take(2)); // warming them did not reorder them
    }
}
