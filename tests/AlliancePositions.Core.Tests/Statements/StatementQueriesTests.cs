using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Statements;

public class StatementQueriesTests
{
    private static async Task<(TestDatabase, StatementQueries)> SeedAsync()
    {
        var database = await SeededDatabase.CreateAsync();
        return (database, new StatementQueries(database, database.TextSearch));
    }

    [Fact]
    public async Task A_topic_filter_includes_its_sub_topics()
    {
        var (database, queries) = await SeedAsync();
        await using var _ = database;
        var escalation = await queries.SearchAsync(new StatementFilter(Topic: "escalation"), TestContext.Current.CancellationToken);
        var troops = await queries.SearchAsync(new StatementFilter(Topic: "troop-deployment"), TestContext.Current.CancellationToken);
        // "escalation" has troop-deployment, training-missions and nato-involvement under it.
        Assert.Contains(escalation.Page.Items, r => r.Key == "scholz-warns");
        Assert.Contains(escalation.Page.Items, r => r.Key == "macron-no-nato");
        Assert.True(escalation.Page.Total > troops.Page.Total);
        Assert.DoesNotContain(troops.Page.Items, r => r.Key == "macron-no-nato");
    }

    [Fact]
    public async Task Full_text_matches_summaries_and_quotes_by_word_and_prefix()
    {
        var (database, queries) = await SeedAsync();
        await using var _ = database;
        // "Kremlin" is only in Scholz's evidencing quote, not in any summary.
        var kremlin = await queries.SearchAsync(new StatementFilter(Text: "Kremlin"), TestContext.Current.CancellationToken);
        Assert.Equal("scholz-warns", Assert.Single(kremlin.Page.Items).Key);
        var prefix = await queries.SearchAsync(new StatementFilter(Text: "instruct"), TestContext.Current.CancellationToken);
        Assert.Empty(prefix.Page.Items); // the unattributed "instructors" annotation evidences no statement
        var training = await queries.SearchAsync(new StatementFilter(Text: "train"), TestContext.Current.CancellationToken);
        Assert.Equal(["estonia-training-only", "pevkur-reinterprets"], training.Page.Items.Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_filter_s_page_is_kept_until_the_next_write_through_the_app()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await SeededDatabase.CreateAsync();
        using var cache = new StanceCache();
        var kept = new StatementQueries(database, database.TextSearch, cache);
        var unkept = new StatementQueries(database, database.TextSearch);
        var filter = new StatementFilter(Actor: "olaf-scholz");
        string SummaryOf(FilteredPage<StatementRow> found) => found.Page.Items.Single(r => r.Key == "scholz-warns").Summary;
        var before = SummaryOf(await kept.SearchAsync(filter, ct));

        // The summary changed behind the app's back: no write through its contexts, so nothing tells the cache.
        await using (var db = database.CreateDbContext())
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Statements" SET "Summary" = 'Changed behind the app' WHERE "Key" = 'scholz-warns'""", ct));
        var keptByFilter = SummaryOf(await kept.SearchAsync(filter, ct));
        var keptByResolved = SummaryOf(await kept.SearchAsync(await kept.ResolveAsync(filter, ct), ct)); // the page's way in: the same entry
        var otherPage = SummaryOf(await kept.SearchAsync(filter with { PageSize = 5 }, ct)); // another filter: its own entry
        cache.Invalidate(); // what any write through the app does
        var afterWrite = SummaryOf(await kept.SearchAsync(filter, ct));

        Assert.NotEqual("Changed behind the app", before);
        Assert.Equal(before, keptByFilter);
        Assert.Equal(before, keptByResolved);
        Assert.Equal("Changed behind the app", otherPage);
        Assert.Equal("Changed behind the app", afterWrite);
        Assert.Equal("Changed behind the app", SummaryOf(await unkept.SearchAsync(filter, ct))); // without a cache, every search reads anew
    }

    [Theory]
    [InlineData(StatementSort.DateDescending)]
    [InlineData(StatementSort.DateAscending)]
    [InlineData(StatementSort.Credibility)]
    public async Task A_page_cut_from_a_few_matches_here_is_the_page_the_database_sorts(StatementSort sort)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await SeededDatabase.CreateAsync();
        var here = new StatementQueries(database, database.TextSearch);
        var byDatabase = new StatementQueries(database, database.TextSearch) { SortedHereUpTo = 0 };
        var all = await here.SearchAsync(new StatementFilter(Sort: sort, PageSize: 100), ct);
        Assert.InRange(all.Page.Total, 4, here.SortedHereUpTo); // a few matches: cut here

        for (var page = 1; page <= 3; page++)
        {
            var filter = new StatementFilter(Sort: sort, Page: page, PageSize: 2);
            var (mine, theirs) = (await here.SearchAsync(filter, ct), await byDatabase.SearchAsync(filter, ct));
            Assert.Equal(theirs.Page.Items.Select(r => r.Key), mine.Page.Items.Select(r => r.Key));
            Assert.Equal(theirs.Page.Total, mine.Page.Total);
        }
        // Same-day statements too, ordered by key as the database orders them.
        Assert.Equal((await byDatabase.SearchAsync(new StatementFilter(Sort: sort, PageSize: 100), ct)).Page.Items.Select(r => r.Key), all.Page.Items.Select(r => r.Key));
    }

    [Fact]
    public void Fts_syntax_in_user_text_is_searched_as_words_not_run() =>
        Assert.Equal("\"NOT\" \"a\" \"quote\"*", SqliteStatementTextSearch.ToFtsQuery("NOT \"a\" quote"));

    [Fact]
    public void Tsquery_syntax_in_user_text_is_searched_as_words_not_run()
    {
        Assert.Equal("'NOT' & 'a' & 'quote':*", PostgresStatementTextSearch.ToTsQuery("NOT \"a\" quote"));
        // A word of several runs is a phrase, as FTS5 reads a quoted word; operators and quotes are only separators.
        Assert.Equal("('Taurus' <-> 'Lieferung') & ('it' <-> 's':*)", PostgresStatementTextSearch.ToTsQuery("Taurus-Lieferung it's"));
        Assert.Null(PostgresStatementTextSearch.ToTsQuery("& | ! <-> ':*'"));
    }

    [Fact]
    public async Task Filters_combine_and_sort_and_page_on_the_server()
    {
        var (database, queries) = await SeedAsync();
        await using var _ = database;
        var page = await queries.SearchAsync(new StatementFilter(Actor: "emmanuel-macron", From: new(2024, 2, 1), To: new(2024, 2, 29),
            Sort: StatementSort.DateAscending, PageSize: 2), TestContext.Current.CancellationToken);
        Assert.Equal(3, page.Page.Total);
        Assert.Equal(2, page.Page.Items.Count);
        Assert.All(page.Page.Items, r => Assert.Equal("emmanuel-macron", r.ActorSlug));
        Assert.Equal("Feb 2024", page.Page.Items[0].When.ToString());
    }

    [Fact]
    public async Task Unknown_keys_in_the_filter_are_problems_not_empty_results()
    {
        var (database, queries) = await SeedAsync();
        await using var _ = database;
        var results = await queries.SearchAsync(new StatementFilter(Actor: "nobody", Topic: "weather"), TestContext.Current.CancellationToken);
        Assert.False(results.IsValid);
        Assert.Equal("No actor has the key \"nobody\".", results.Problems["actor"]);
        Assert.True(results.Problems.ContainsKey("topic"));
    }

    [Fact]
    public async Task The_split_by_position_counts_the_filtered_statements_codings()
    {
        var (database, queries) = await SeedAsync();
        await using var _ = database;
        var filter = await queries.ResolveAsync(new StatementFilter(Question: "troop-deployment", Actor: "olaf-scholz"), TestContext.Current.CancellationToken);
        var split = await queries.SplitAsync(filter, TestContext.Current.CancellationToken);
        // scholz-warns is coded -2 by both coders.
        Assert.Equal(2, split!.CountByPosition[-2]);
    }
}
