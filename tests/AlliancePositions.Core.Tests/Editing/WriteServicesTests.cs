using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Editing;

public class WriteServicesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Editor Ana = new("ana@example.org", "user-ana");
    private static readonly Editor Ben = new("ben@example.org", "user-ben");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StatementService Statements(TestDatabase db) => new(db, Clock, NullLogger<StatementService>.Instance);

    private static StatementRequest Edit(string summary) => new("olaf-scholz", "reported", new DateOnly(2024, 2, 1), "month", summary,
        ["troop-deployment"], ["an-scholz-advice"], 2);

    [Fact]
    public async Task Two_concurrent_edits_give_one_success_and_one_conflict_with_exactly_one_audit_row()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = Statements(database);

        // Both analysts read version 1, then save.
        var first = await service.UpdateAsync("scholz-warns", 1, Edit("Scholz warns Macron off (Ana's wording)"), Ana, Ct);
        var second = await service.UpdateAsync("scholz-warns", 1, Edit("Scholz warns Macron off (Ben's wording)"), Ben, Ct);

        Assert.Equal(WriteStatus.Ok, first.Status);
        Assert.Equal(WriteStatus.Conflict, second.Status);
        var current = Assert.IsType<StatementVersion>(second.Current);
        Assert.Equal("Scholz warns Macron off (Ana's wording)", current.Summary);
        Assert.Equal(2, current.Version);
        await using var db = database.CreateDbContext();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "Statement").ToListAsync(Ct));
        Assert.Equal(("update", "scholz-warns", "ana@example.org"), (audit.Action, audit.RecordKey, audit.UserName));
        Assert.Contains("Ana's wording", audit.NewValues, StringComparison.Ordinal);
        Assert.Contains("Scholz advises Macron", audit.OldValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_statement_can_be_restored_with_nothing_lost()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = Statements(database);
        await using (var before = database.CreateDbContext())
            Assert.Equal(3, await before.Codings.CountAsync(c => c.Statement.Key == "scholz-warns", Ct));

        Assert.True((await service.DeleteAsync("scholz-warns", Ana, Ct)).Succeeded);
        await using (var db = database.CreateDbContext())
            Assert.False(await db.Statements.AnyAsync(s => s.Key == "scholz-warns", Ct));
        Assert.True((await service.RestoreAsync("scholz-warns", Ana, Ct)).Succeeded);

        await using var after = database.CreateDbContext();
        var restored = await after.Statements.Include(s => s.Codings).Include(s => s.Evidence).SingleAsync(s => s.Key == "scholz-warns", Ct);
        Assert.Equal(3, restored.Codings.Count);
        Assert.Equal(2, restored.Evidence.Count);
        Assert.Equal(["delete", "restore"], await after.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var result = await Statements(database).CreateAsync(new StatementRequest("nobody", "rumour", new DateOnly(2031, 1, 1), "day", "",
            ["weather"], [], 9), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["actor", "annotationIds", "credibility", "date", "kind", "summary", "topics"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        await using var db = database.CreateDbContext();
        Assert.Equal(12, await db.Statements.CountAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_statement_on_a_new_selection_stores_the_annotation_with_it_in_one_save()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var selection = new CreateAnnotationRequest(544, 577, "advising him not to take the step");

        var created = await Statements(database).CreateWithNewEvidenceAsync("a76fa100f53b", selection, Edit("Scholz advised against it") with { AnnotationIds = [] }, Ana, Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        await using var db = database.CreateDbContext();
        var statement = await db.Statements.Include(s => s.Evidence).SingleAsync(s => s.Key == created.Value, Ct);
        var evidence = Assert.Single(statement.Evidence);
        Assert.Equal((544, 577), (evidence.Start, evidence.End));
    }

    [Fact]
    public async Task A_statement_on_a_new_selection_that_is_refused_stores_no_annotation()
    {
        await using var database = await SeededDatabase.CreateAsync();
        int annotations;
        await using (var before = database.CreateDbContext()) annotations = await before.Annotations.CountAsync(Ct);
        var selection = new CreateAnnotationRequest(544, 577, "advising him not to take the step");

        var refused = await Statements(database).CreateWithNewEvidenceAsync("a76fa100f53b", selection, Edit("") with { Actor = "nobody", AnnotationIds = [] }, Ana, Ct);
        var badSpan = await Statements(database).CreateWithNewEvidenceAsync("a76fa100f53b", selection with { Exact = "advising him to take the step now" },
            Edit("Scholz advised against it") with { AnnotationIds = [] }, Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Contains("actor", refused.Errors!.Keys);
        Assert.Equal(WriteStatus.Invalid, badSpan.Status);
        Assert.Contains("evidence.exact", badSpan.Errors!.Keys);
        await using var db = database.CreateDbContext();
        Assert.Equal(annotations, await db.Annotations.CountAsync(Ct));
    }

    [Fact]
    public async Task A_second_coding_by_the_same_coder_replaces_the_first()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = Statements(database);
        await service.CodeAsync("us-official-warns", new CodingRequest("troop-deployment", -2), Ana, Ct);
        var replaced = await service.CodeAsync("us-official-warns", new CodingRequest("troop-deployment", 0, "training only"), Ana, Ct);

        Assert.True(replaced.Succeeded);
        await using var db = database.CreateDbContext();
        var mine = await db.Codings.Where(c => c.Statement.Key == "us-official-warns" && c.Coder.UserId == "user-ana").ToListAsync(Ct);
        Assert.Equal(0, Assert.Single(mine).Position);
        Assert.Equal("ana", (await db.Coders.SingleAsync(c => c.UserId == "user-ana", Ct)).DisplayName);
    }

    [Fact]
    public async Task The_same_text_again_names_the_existing_document()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = new DocumentService(database, Clock, NullLogger<DocumentService>.Instance);
        var text = await File.ReadAllTextAsync(Path.Combine(SeededDatabase.RepositoryRoot(), "seeds", "texts", "000_fe0bddd215f79065.txt"), Ct);

        var again = await service.CreateAsync(new CreateDocumentRequest("Same report", text.Replace("\n", "\r\n", StringComparison.Ordinal)), Ana, Ct);

        Assert.Equal(WriteStatus.Duplicate, again.Status);
        Assert.Equal("a76fa100f53b", again.ExistingKey);
    }

    [Fact]
    public async Task An_annotation_whose_quote_does_not_match_says_what_the_text_there_is()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = new DocumentService(database, Clock, NullLogger<DocumentService>.Instance);

        var wrong = await service.AnnotateAsync("a76fa100f53b", new CreateAnnotationRequest(544, 577, "advising him to take the step now"), Ana, Ct);
        var right = await service.AnnotateAsync("a76fa100f53b", new CreateAnnotationRequest(544, 577, "advising him not to take the step", Note: "<script>alert(1)</script>"), Ana, Ct);

        Assert.Contains("the text there is \"advising him not to take the step\"", wrong.Errors!["exact"][0], StringComparison.Ordinal);
        Assert.Equal(". According to the chancellor, t", right.Value!.Suffix);
        await using var db = database.CreateDbContext();
        Assert.Equal("<script>alert(1)</script>", (await db.Annotations.SingleAsync(a => a.Key == right.Value.Key, Ct)).Note);
    }
}
