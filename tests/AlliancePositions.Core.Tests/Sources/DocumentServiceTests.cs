using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using static AlliancePositions.Core.Tests.Editing.EditFixture;

namespace AlliancePositions.Core.Tests.Sources;

public class DocumentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EditDocumentRequest Metadata(string title = "Renamed report") =>
        new(title, Url: "https://example.org/report", PublishedOn: new DateOnly(2024, 3, 2), Language: "de", ReliabilityOverride: "B", ReliabilityReason: "Official transcript");

    [Fact]
    public async Task Documents_are_listed_newest_first_with_undated_ones_last_on_every_provider()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        foreach (var (title, published) in new[] { ("Undated", (DateOnly?)null), ("Older", new DateOnly(2024, 1, 5)), ("Newer", new DateOnly(2024, 3, 9)) })
            Assert.True((await edits.Documents.CreateAsync(new CreateDocumentRequest(title, $"{title} report text.", PublishedOn: published), Ana, Ct)).Succeeded);

        var listed = await new DocumentQueries(database).ListAsync(1, 10, Ct);

        Assert.Equal(["Newer", "Older", "Undated"], listed.Items.Select(d => d.Title));
    }

    [Fact]
    public async Task Metadata_is_updated_audited_and_the_text_is_untouched()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, _) = await edits.EvidenceAsync();
        await using var before = database.CreateDbContext();
        var text = (await before.Documents.SingleAsync(d => d.Key == document, Ct)).Text;

        var updated = await edits.Documents.UpdateAsync(document, 1, Metadata() with { Text = text }, Ben, Ct);

        Assert.Equal(WriteStatus.Ok, updated.Status);
        Assert.Equal(("Renamed report", 2, "B", "Official transcript", "de"),
            (updated.Value!.Title, updated.Value.Version, updated.Value.ReliabilityOverride, updated.Value.ReliabilityReason, updated.Value.Language));
        await using var db = database.CreateDbContext();
        var stored = await db.Documents.SingleAsync(d => d.Key == document, Ct);
        Assert.Equal((text, SourceGrade.B, new DateOnly(2024, 3, 2)), (stored.Text, stored.EffectiveReliability, stored.PublishedOn));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "update", Ct);
        Assert.Equal(("Document", document, "ben@example.org"), (audit.RecordType, audit.RecordKey, audit.UserName));
    }

    [Fact]
    public async Task A_different_text_and_bad_metadata_are_refused_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, _) = await edits.EvidenceAsync();

        var result = await edits.Documents.UpdateAsync(document, 1, new EditDocumentRequest("", "no-such-outlet", "ftp://x", new DateOnly(2031, 1, 1),
            ReliabilityOverride: "Z", Text: "Another text"), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["outlet", "publishedOn", "reliabilityOverride", "reliabilityReason", "text", "title", "url"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("A document's text cannot be changed", result.Errors["text"][0], StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var stored = await db.Documents.Where(d => d.Key == document).Select(d => new { d.Title, d.Version }).SingleAsync(Ct);
        Assert.Equal(("A report", 1), (stored.Title, stored.Version));
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "update").ToListAsync(Ct));
    }

    [Fact]
    public async Task A_stale_metadata_save_is_refused_with_the_current_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, _) = await edits.EvidenceAsync();

        await edits.Documents.UpdateAsync(document, 1, Metadata("Ana's title"), Ana, Ct);
        var stale = await edits.Documents.UpdateAsync(document, 1, Metadata("Ben's title"), Ben, Ct);

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal(("Ana's title", 2), (Assert.IsType<DocumentVersion>(stale.Current).Title, ((DocumentVersion)stale.Current!).Version));
        Assert.Equal(WriteStatus.NotFound, (await edits.Documents.UpdateAsync("nothing", 1, Metadata(), Ana, Ct)).Status);
    }

    [Fact]
    public async Task A_cited_document_or_annotation_cannot_be_deleted()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync("olaf-scholz", annotation);

        var document409 = await edits.Documents.DeleteAsync(document, Ana, Ct);
        var annotation409 = await edits.Documents.DeleteAnnotationAsync(document, annotation, Ana, Ct);

        Assert.Equal((WriteStatus.InUse, WriteStatus.InUse), (document409.Status, annotation409.Status));
        Assert.Equal($"This annotation is the evidence of 1 statement ({statement}); delete them or cite other evidence first.", annotation409.Reason);
        await using var db = database.CreateDbContext();
        Assert.True(await db.Annotations.AnyAsync(a => a.Key == annotation && a.Document.Key == document, Ct));
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "delete").ToListAsync(Ct));
    }

    [Fact]
    public async Task A_deleted_document_hides_its_annotations_and_is_restored_with_nothing_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();

        Assert.True((await edits.Documents.DeleteAsync(document, Ana, Ct)).Succeeded);
        await using (var db = database.CreateDbContext())
            Assert.False(await db.Documents.AnyAsync(d => d.Key == document, Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Documents.UpdateAnnotationAsync(document, annotation, 1, new EditAnnotationRequest("x"), Ana, Ct)).Status);
        Assert.True((await edits.Documents.RestoreAsync(document, Ben, Ct)).Succeeded);

        await using var after = database.CreateDbContext();
        var restored = await after.Documents.Include(d => d.Annotations).SingleAsync(d => d.Key == document, Ct);
        Assert.Equal(annotation, Assert.Single(restored.Annotations).Key);
        Assert.Equal(["create", "delete", "restore"], await after.AuditEntries.Where(a => a.RecordKey == document).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Documents.RestoreAsync(document, Ben, Ct)).Status);
    }

    [Fact]
    public async Task An_annotation_note_tags_and_translation_are_edited_but_its_span_is_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();

        var moved = await edits.Documents.UpdateAnnotationAsync(document, annotation, 1, new EditAnnotationRequest("n", Start: 0, End: 6, Exact: "Report"), Ana, Ct);
        var updated = await edits.Documents.UpdateAnnotationAsync(document, annotation, 1,
            new EditAnnotationRequest("Second look", [" troops ", "ground"], "Bodentruppen", Exact: "ground troops"), Ben, Ct);
        var stale = await edits.Documents.UpdateAnnotationAsync(document, annotation, 1, new EditAnnotationRequest("Stale"), Ana, Ct);

        Assert.StartsWith("An annotation's span cannot be changed", Assert.Single(moved.Errors!["span"]), StringComparison.Ordinal);
        Assert.Equal(WriteStatus.Ok, updated.Status);
        Assert.Equal(("Second look", 2, "Bodentruppen"), (updated.Value!.Note, updated.Value.Version, updated.Value.Translation));
        Assert.Equal(["troops", "ground"], updated.Value.Tags);
        Assert.Equal("Second look", Assert.IsType<AnnotationVersion>(stale.Current).Note);
        await using var db = database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.RecordType == "Annotation" && a.Action == "update", Ct);
        Assert.Equal((annotation, "ben@example.org"), (audit.RecordKey, audit.UserName));
    }

    [Fact]
    public async Task An_uncited_annotation_is_deleted_and_restored_with_nothing_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();

        Assert.True((await edits.Documents.DeleteAnnotationAsync(document, annotation, Ana, Ct)).Succeeded);
        await using (var db = database.CreateDbContext())
            Assert.False(await db.Annotations.AnyAsync(a => a.Key == annotation, Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Documents.DeleteAnnotationAsync(document, annotation, Ana, Ct)).Status);
        var restored = await edits.Documents.RestoreAnnotationAsync(document, annotation, Ben, Ct);

        Assert.True(restored.Succeeded);
        Assert.Equal(("ground troops", "first note"), (restored.Value!.Exact, restored.Value.Note));
        Assert.Equal(["troops"], restored.Value.Tags);
        await using var after = database.CreateDbContext();
        Assert.Equal(["create", "delete", "restore"], await after.AuditEntries.Where(a => a.RecordKey == annotation).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Documents.RestoreAnnotationAsync("nothing", annotation, Ben, Ct)).Status);
    }
}
