using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Statements;

/// <summary>Several topics at once in the statement filter, and how many statements each topic would match.</summary>
public class SeveralTopicsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HashSet<string>> KeysAsync(StatementQueries queries, StatementFilter filter) =>
        (await queries.SearchAsync(filter with { PageSize = 500 }, Ct)).Page.Items.Select(r => r.Key).ToHashSet();

    [Fact]
    public async Task Several_topics_match_a_statement_tagged_with_any_of_them_including_sub_topics()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        var (first, second) = ("troop-deployment", "military-aid");

        var both = await KeysAsync(queries, new StatementFilter(Topics: new([first, second])));
        var alone = (await KeysAsync(queries, new StatementFilter(Topic: first))).Union(await KeysAsync(queries, new StatementFilter(Topic: second))).ToHashSet();
        var withTopicToo = await KeysAsync(queries, new StatementFilter(Topic: first, Topics: new([second])));

        Assert.NotEmpty(both);
        Assert.True(alone.SetEquals(both));
        Assert.True(alone.SetEquals(withTopicToo));
        Assert.True(both.Count > (await KeysAsync(queries, new StatementFilter(Topic: first))).Count);
    }

    [Fact]
    public async Task An_unknown_topic_among_several_is_named_and_nothing_is_listed()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        var known = (await new Questions.TopicQueries(database).ListTopicsAsync(Ct))[0].Slug;

        var found = await queries.SearchAsync(new StatementFilter(Topics: new([known, "weather", "sport"])), Ct);

        Assert.False(found.IsValid);
        Assert.Empty(found.Page.Items);
        Assert.Equal("No topic has the key \"sport\" or \"weather\".", found.Problems["topic"]);
    }

    [Fact]
    public async Task Each_topic_counts_what_choosing_it_with_the_rest_of_the_filter_would_list()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        var topics = (await new Questions.TopicQueries(database).ListTopicsAsync(Ct)).Select(t => t.Slug).ToList();
        var filter = new StatementFilter(Topics: new(["military-aid"]), From: new DateOnly(2024, 1, 1));

        var counts = await queries.TopicCountsAsync(await queries.ResolveAsync(filter, Ct), Ct);

        Assert.NotEmpty(counts);
        foreach (var topic in topics)
        {
            var expected = (await queries.SearchAsync(filter with { Topics = null, Topic = topic }, Ct)).Page.Total;
            Assert.Equal(expected, counts.SingleOrDefault(c => c.Topic == topic)?.Count ?? 0);
        }
        // A parent counts each statement once, though one is tagged with it and a sub-topic both (the seed's macron-signal).
        Assert.Equal(9, counts.Single(c => c.Topic == "escalation").Count);
    }

    [Fact]
    public async Task The_counts_with_no_filter_are_kept_until_the_corpus_changes_and_a_filter_is_always_counted_afresh()
    {
        var cache = new StanceCache();
        await using var database = await SeededDatabase.CreateAsync(new StanceCache.Invalidation(cache));
        var queries = new StatementQueries(database, database.TextSearch, cache);
        var none = await queries.ResolveAsync(new StatementFilter(Topics: new(["military-aid"])), Ct);
        var dated = await queries.ResolveAsync(new StatementFilter(From: new DateOnly(2024, 1, 1)), Ct);

        var first = await queries.TopicCountsAsync(none, Ct);
        Assert.Same(first, await queries.TopicCountsAsync(none, Ct));
        Assert.NotSame(await queries.TopicCountsAsync(dated, Ct), await queries.TopicCountsAsync(dated, Ct));

        // A write through the app's contexts: the next counts see it.
        var escalation = first.Single(c => c.Topic == "escalation").Count;
        await using (var db = database.CreateDbContext())
        {
            var tagged = await db.Statements.Where(s => s.Topics.Any(t => t.Slug == "escalation")).OrderBy(s => s.Key).FirstAsync(Ct);
            tagged.DeletedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        }
        var after = await queries.TopicCountsAsync(none, Ct);
        Assert.NotSame(first, after);
        Assert.Equal(escalation - 1, after.Single(c => c.Topic == "escalation").Count);
    }

    [Fact]
    public void Filters_naming_the_same_topics_in_another_order_are_equal()
    {
        Assert.Equal(new StatementFilter(Topics: new(["b", "a", "a"])), new StatementFilter(Topics: new(["a", "b"])));
        Assert.NotEqual(new StatementFilter(Topics: new(["a"])), new StatementFilter(Topics: new(["a", "b"])));
    }
}
