using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;

namespace AlliancePositions.Core.Tests.Statements;

public class EvidenceSpanTests
{
    [Fact]
    public void A_quote_inside_a_sentence_gets_the_rest_of_that_sentence_only()
    {
        const string text = "First one. Scholz explained it, advising him not to take the step. Next one.";
        var start = text.IndexOf("advising", StringComparison.Ordinal);
        var end = text.IndexOf(". Next", StringComparison.Ordinal);
        var (before, after) = EvidenceSpan.SentenceAround(text, start, end);
        Assert.Equal("Scholz explained it, ", before);
        Assert.Equal(".", after);
    }

    [Fact]
    public void Line_breaks_and_closing_quotes_end_sentences()
    {
        const string text = "Title line\nHe said it “mainly relates to training.” Then more.";
        var start = text.IndexOf("mainly", StringComparison.Ordinal);
        var end = start + "mainly relates".Length;
        var (before, after) = EvidenceSpan.SentenceAround(text, start, end);
        Assert.Equal("He said it “", before);
        Assert.Equal(" to training.”", after);
    }

    [Fact]
    public void A_whole_sentence_quote_has_nothing_around_it()
    {
        const string text = "One. Two words. Three.";
        var (before, after) = EvidenceSpan.SentenceAround(text, 5, 14);
        Assert.Equal("", before);
        Assert.Equal(".", after);
    }

    [Fact]
    public async Task Evidence_spans_give_each_quote_its_document_and_sentence()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        var spans = await queries.EvidenceSpansAsync(["scholz-warns", "macron-readiness"], TestContext.Current.CancellationToken);

        Assert.Equal(["macron-readiness", "scholz-warns", "scholz-warns"], spans.Select(s => s.StatementKey));
        var readiness = spans[0];
        Assert.Equal("a76fa100f53b", readiness.DocumentKey);
        Assert.Equal(new DateOnly(2024, 4, 3), readiness.PublishedOn);
        Assert.Contains("announcing the readiness to send NATO troops to help Kyiv", readiness.Exact, StringComparison.Ordinal);
        var advice = spans[1];
        // DOMAIN.md §4: the annotation is [444, 577) in the seed article, one whole sentence but its full stop.
        Assert.Equal((444, 577), (advice.Start, advice.End));
        Assert.Equal("", advice.Before);
        Assert.Equal(".", advice.After);
    }

    [Fact]
    public async Task No_statement_keys_give_no_spans()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        Assert.Empty(await queries.EvidenceSpansAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Latest_statements_honour_both_time_axes()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StatementQueries(database, database.TextSearch);
        var ct = TestContext.Current.CancellationToken;
        var today = await queries.LatestAsync(new(2026, 1, 1), new(2026, 1, 1), 3, ct);
        Assert.Equal(3, today.Count);
        Assert.True(today[0].When.Value >= today[2].When.Value);
        // Said in February, but published only on 3 April 2024: unknown on 1 March.
        Assert.Empty(await queries.LatestAsync(new(2026, 1, 1), new(2024, 3, 1), 10, ct));
        Assert.All(await queries.LatestAsync(new(2024, 2, 29), new(2026, 1, 1), 10, ct), r => Assert.True(r.When.Value <= new DateOnly(2024, 2, 29)));
    }
}
