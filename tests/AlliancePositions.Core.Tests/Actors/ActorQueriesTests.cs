using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Tests.Actors;

public class ActorQueriesTests
{
    [Fact]
    public async Task Macrons_timeline_mixes_statements_and_meetings_newest_first()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", new TimelineFilter(), TestContext.Current.CancellationToken);

        Assert.NotNull(timeline);
        Assert.Contains(timeline.Items, i => i.Type == "meeting" && i.Key == "blinken-paris-2024");
        Assert.Contains(timeline.Items, i => i.Type == "statement" && i.Key == "macron-readiness");
        Assert.Equal(timeline.Items.OrderByDescending(i => i.When.Value).Select(i => i.When.Value), timeline.Items.Select(i => i.When.Value));
        var readiness = timeline.Items.Single(i => i.Key == "macron-readiness");
        Assert.Contains(readiness.Relations, r => r.Type == RelationType.Reinterprets && r.Incoming && r.StatementKey == "pevkur-reinterprets"
            && r.ActorSlug == "hanno-pevkur");
    }

    [Fact]
    public async Task A_question_filter_keeps_only_statements_coded_on_it()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", new TimelineFilter(Question: "nato-involvement"), TestContext.Current.CancellationToken);
        Assert.Equal("macron-no-nato", Assert.Single(timeline!.Items).Key);
    }

    [Fact]
    public async Task KnownAt_before_publication_hides_the_statements_only_the_article_reports()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", new TimelineFilter(KnownAt: new DateOnly(2024, 3, 1)),
            TestContext.Current.CancellationToken);
        Assert.DoesNotContain(timeline!.Items, i => i.Type == "statement");
        Assert.Contains(timeline.Items, i => i.Type == "meeting");
    }

    [Fact]
    public async Task Actors_are_found_by_alias()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var found = await new ActorQueries(database).ListAsync("the chancellor", 1, 50, TestContext.Current.CancellationToken);
        Assert.Equal("olaf-scholz", Assert.Single(found.Items).Slug);
    }
}
