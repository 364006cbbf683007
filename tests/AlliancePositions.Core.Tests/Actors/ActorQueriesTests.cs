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
        Assert.Contains(timeline.Page.Items, i => i.Type == "meeting" && i.Key == "blinken-paris-2024");
        Assert.Contains(timeline.Page.Items, i => i.Type == "statement" && i.Key == "macron-readiness");
        Assert.Equal(timeline.Page.Items.OrderByDescending(i => i.When.Value).Select(i => i.When.Value), timeline.Page.Items.Select(i => i.When.Value));
        var readiness = timeline.Page.Items.Single(i => i.Key == "macron-readiness");
        Assert.Contains(readiness.Relations, r => r.Type == RelationType.Reinterprets && r.Incoming && r.StatementKey == "pevkur-reinterprets"
            && r.ActorSlug == "hanno-pevkur");
    }

    [Fact]
    public async Task A_question_filter_keeps_only_statements_coded_on_it()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", new TimelineFilter(Question: "nato-involvement"), TestContext.Current.CancellationToken);
        Assert.Equal("macron-no-nato", Assert.Single(timeline!.Page.Items).Key);
    }

    [Fact]
    public async Task An_unknown_topic_or_question_is_reported_as_the_statement_list_reports_it_not_read_as_nothing()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var filter = new TimelineFilter(Topic: "no-such-topic", Question: "no-such-question");

        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", filter, TestContext.Current.CancellationToken);
        var statements = await new StatementQueries(database, new Core.Statements.Search.SqliteStatementTextSearch())
            .SearchAsync(new StatementFilter(Topic: filter.Topic, Question: filter.Question), TestContext.Current.CancellationToken);

        Assert.False(timeline!.IsValid);
        Assert.Empty(timeline.Page.Items);
        Assert.Equal("No topic has the key \"no-such-topic\".", timeline.Problems["topic"]);
        Assert.Equal(statements.Problems, timeline.Problems);
    }

    [Fact]
    public async Task KnownAt_before_publication_hides_the_statements_only_the_article_reports()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var timeline = await new ActorQueries(database).TimelineAsync("emmanuel-macron", new TimelineFilter(KnownAt: new DateOnly(2024, 3, 1)),
            TestContext.Current.CancellationToken);
        Assert.DoesNotContain(timeline!.Page.Items, i => i.Type == "statement");
        Assert.Contains(timeline.Page.Items, i => i.Type == "meeting");
    }

    [Fact]
    public async Task Actors_are_found_by_alias()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var found = await new ActorQueries(database).ListAsync("the chancellor", 1, 50, TestContext.Current.CancellationToken);
        Assert.Equal("olaf-scholz", Assert.Single(found.Items).Slug);
    }
}
