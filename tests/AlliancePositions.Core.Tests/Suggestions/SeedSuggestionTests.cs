using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Suggestions;

/// <summary>The assistant read against the seed article, scored on the seed corpus's own statements (nothing of it is written here).</summary>
public sealed class SeedSuggestionTests
{
    private sealed record SeedDocument(string Text, DateOnly PublishedOn, IReadOnlyList<GoldStatement> Gold);

    private static async Task<(SeedDocument Document, SuggestionDirectory Directory)> LoadAsync()
    {
        await using var database = await SeededDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var document = await db.Documents.SingleAsync(ct);
        var gold = await db.Statements.Where(s => s.Evidence.Any(a => a.DocumentId == document.Id))
            .Select(s => new { s.Key, Actor = s.Actor.Slug, s.Date, s.DatePrecision, Spans = s.Evidence.Select(a => new { a.Start, a.End }).ToList() })
            .ToListAsync(ct);
        var directory = await SuggestionDirectoryQueries.LoadAsync(db, ct);
        return (new SeedDocument(document.Text, document.PublishedOn!.Value,
            gold.Select(g => new GoldStatement(g.Key, g.Actor, g.Spans.Select(a => (a.Start, a.End)).ToList(), new PartialDate(g.Date, g.DatePrecision))).ToList()), directory);
    }

    internal static string Describe(SuggestionScore score, IReadOnlyList<SuggestedStatement> suggestions) =>
        score + "\n" + string.Join("\n", suggestions.Select(s =>
            $"  {s.Span.Start}-{s.Span.End} {s.ActorSlug ?? s.SpeakerMention?.Exact} {s.Kind} {s.Date.ToIsoPrefix()} [{s.DateEvidence}] {s.Confidence} | {s.Span.Exact[..Math.Min(60, s.Span.Exact.Length)]}"));

    [Fact]
    public async Task At_least_ten_of_the_seed_statements_are_proposed_with_their_speaker_and_nine_with_their_date()
    {
        var (document, directory) = await LoadAsync();

        var suggestions = new SuggestionEngine(directory).Suggest(document.Text, document.PublishedOn);

        var score = SuggestionScore.Of(document.Gold, suggestions);
        TestContext.Current.SendDiagnosticMessage($"Seed article: {score}");
        Assert.Equal(12, score.Gold);
        Assert.True(score.Found >= 10, Describe(score, suggestions));
        Assert.True(score.Dated >= 9, Describe(score, suggestions));
    }

    [Fact]
    public async Task Without_the_meeting_directory_the_seed_dates_rest_on_the_text_alone()
    {
        var (document, directory) = await LoadAsync();

        var suggestions = new SuggestionEngine(directory with { Meetings = [] }).Suggest(document.Text, document.PublishedOn);

        // The two 2 April statements are dated by the "Blinken's talks in Paris" meeting only; the February calls
        // are also found by the same speaker naming the same people as the "Earlier in February" sentence.
        var score = SuggestionScore.Of(document.Gold, suggestions);
        TestContext.Current.SendDiagnosticMessage($"Seed article without meetings: {score}");
        Assert.True(score.Found >= 10, Describe(score, suggestions));
        Assert.True(score.Dated >= 8, Describe(score, suggestions));
    }
}
