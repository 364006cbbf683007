using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Suggestions;

public sealed class SuggestionServiceTests
{
    private static readonly Editor Analyst = new("analyst@example.org", null);

    [Fact]
    public async Task A_document_added_through_the_document_service_gets_its_suggestions()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var statements = new StatementService(database, clock, NullLogger<StatementService>.Instance);
        var suggestions = new SuggestionService(database, statements, clock, NullLogger<SuggestionService>.Instance);
        var documents = new DocumentService(database, clock, NullLogger<DocumentService>.Instance, suggestions);
        var ct = TestContext.Current.CancellationToken;

        var created = await documents.CreateAsync(new CreateDocumentRequest("Wire", "The chancellor said on Tuesday that Germany would not send troops to Ukraine.",
            PublishedOn: new DateOnly(2024, 5, 31)), Analyst, ct);

        var row = Assert.Single((await suggestions.ListAsync(created.Value!.Key, ct))!);
        Assert.Equal(("olaf-scholz", new DateOnly(2024, 5, 28), "day"), (row.Actor?.Slug, row.Date, row.DatePrecision));
        await using var db = database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.RecordType == nameof(Suggestion), ct));
    }

    [Fact]
    public async Task A_selection_is_prefilled_from_the_reading_of_the_whole_text_so_a_pronoun_names_the_speaker_before()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var suggestions = new SuggestionService(database, new StatementService(database, clock, NullLogger<StatementService>.Instance), clock,
            NullLogger<SuggestionService>.Instance);
        var documents = new DocumentService(database, clock, NullLogger<DocumentService>.Instance);
        var ct = TestContext.Current.CancellationToken;
        const string Text = "Emmanuel Macron said on Tuesday that nothing could be ruled out. He warned that Russia must not win.";
        var created = await documents.CreateAsync(new CreateDocumentRequest("Wire", Text, PublishedOn: new DateOnly(2024, 5, 31)), Analyst, ct);
        var start = Text.IndexOf("Russia", StringComparison.Ordinal);

        var prefill = await suggestions.PrefillAsync(created.Value!.Key, start, Text.Length - 1, ct);

        Assert.Equal("emmanuel-macron", prefill!.Actor?.Slug);
        Assert.Equal(AlliancePositions.Core.Dates.PartialDate.Day(2024, 5, 28), prefill.Date);
        Assert.Equal(StatementKind.Reported, prefill.Kind);
        Assert.Null(await suggestions.PrefillAsync("nothing", 0, 1, ct));
    }
}
