using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Editing;

public class DeletedRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deleted_coding_leaves_the_statement_and_comes_back_on_restore()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);

        var deleted = await edits.Statements.DeleteCodingAsync("scholz-warns", "troop-deployment", "second-reader", EditFixture.Ana, Ct);

        Assert.Equal(WriteStatus.Ok, deleted.Status);
        Assert.Equal(["seed-analyst/tougher-stance", "seed-analyst/troop-deployment"], await CodingsAsync(database));
        var restored = await edits.Statements.RestoreCodingAsync("scholz-warns", "troop-deployment", "second-reader", EditFixture.Ana, Ct);
        Assert.Equal(WriteStatus.Ok, restored.Status);
        Assert.Equal(["second-reader/troop-deployment", "seed-analyst/tougher-stance", "seed-analyst/troop-deployment"], await CodingsAsync(database));
        Assert.Equal(WriteStatus.NotFound, (await edits.Statements.RestoreCodingAsync("scholz-warns", "troop-deployment", "second-reader", EditFixture.Ana, Ct)).Status);
    }

    [Fact]
    public async Task A_delete_that_loses_the_race_to_another_analysts_delete_writes_nothing_and_throws_nothing()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();
        await using var slower = database.CreateDbContext();
        var readBeforeTheOtherDelete = await slower.Annotations.FirstAsync(a => a.Key == annotation, Ct);

        Assert.Equal(WriteStatus.Ok, (await edits.Documents.DeleteAnnotationAsync(document, annotation, EditFixture.Ana, Ct)).Status);
        var saved = await slower.SaveDeletedAsync(readBeforeTheOtherDelete, deleted: true, EditFixture.Ben, EditFixture.Clock.GetUtcNow(), Ct);

        Assert.False(saved);
        await using var db = database.CreateDbContext();
        Assert.Equal(EditFixture.Ana.UserName, await db.Annotations.IgnoreQueryFilters().Where(a => a.Key == annotation).Select(a => a.DeletedBy).SingleAsync(Ct));
    }

    [Fact]
    public async Task Coding_again_after_a_delete_brings_the_coding_back_with_the_new_position()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (_, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync(await edits.ActorAsync(), annotation);
        var coding = (await edits.Statements.CodeAsync(statement, new("troop-deployment", -2), EditFixture.Ana, Ct)).Value!;
        var coder = coding.Split('/')[2];
        await edits.Statements.DeleteCodingAsync(statement, "troop-deployment", coder, EditFixture.Ana, Ct);

        var again = await edits.Statements.CodeAsync(statement, new("troop-deployment", 1), EditFixture.Ana, Ct);

        Assert.Equal(WriteStatus.Ok, again.Status);
        await using var db = database.CreateDbContext();
        var live = await db.Codings.Where(c => c.Statement.Key == statement).Select(c => c.Position).ToListAsync(Ct);
        Assert.Equal([1], live);
    }

    [Fact]
    public async Task The_deleted_list_holds_every_kind_until_each_is_restored()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();
        var (spare, spareAnnotation) = await edits.EvidenceAsync();
        var actor = await edits.ActorAsync();
        var statement = await edits.StatementAsync(actor, annotation);
        var meeting = (await edits.Meetings.CreateAsync(new CreateMeetingRequest("call", new DateOnly(2024, 3, 1), "day", [actor, "olaf-scholz"]), EditFixture.Ana, Ct)).Value!;
        var lonely = await edits.ActorAsync("Gabrielius Landsbergis");
        var queries = new DeletedRecordQueries(database);

        await edits.Statements.DeleteCodingAsync("scholz-warns", "tougher-stance", "seed-analyst", EditFixture.Ana, Ct);
        await edits.Statements.DeleteAsync(statement, EditFixture.Ana, Ct);
        await edits.Documents.DeleteAnnotationAsync(document, annotation, EditFixture.Ana, Ct);
        await edits.Documents.DeleteAsync(spare, EditFixture.Ben, Ct);
        await edits.Meetings.DeleteAsync(meeting, EditFixture.Ana, Ct);
        await edits.Actors.DeleteAsync(lonely, EditFixture.Ana, Ct);
        var listed = await queries.ListAsync(50, Ct);

        Assert.Equal(6, listed.Total);
        Assert.All(Enum.GetValues<DeletedKind>(), kind => Assert.Equal(1, listed.Totals[kind]));
        var coding = Assert.Single(listed.Rows, r => r.Kind == DeletedKind.Coding);
        Assert.Equal(("tougher-stance/seed-analyst", "scholz-warns"), (coding.Key, coding.Parent));
        Assert.Equal((annotation, document), Assert.Single(listed.Rows, r => r.Kind == DeletedKind.Annotation) is var a ? (a.Key, a.Parent) : default);
        Assert.Equal("ben@example.org", Assert.Single(listed.Rows, r => r.Kind == DeletedKind.Document).DeletedBy);
        Assert.DoesNotContain(listed.Rows, r => r.Key == spareAnnotation);

        await edits.Statements.RestoreCodingAsync("scholz-warns", "tougher-stance", "seed-analyst", EditFixture.Ana, Ct);
        await edits.Statements.RestoreAsync(statement, EditFixture.Ana, Ct);
        await edits.Documents.RestoreAnnotationAsync(document, annotation, EditFixture.Ana, Ct);
        await edits.Documents.RestoreAsync(spare, EditFixture.Ana, Ct);
        await edits.Meetings.RestoreAsync(meeting, EditFixture.Ana, Ct);
        await edits.Actors.RestoreAsync(lonely, EditFixture.Ana, Ct);
        Assert.Equal(0, (await queries.ListAsync(50, Ct)).Total);
    }

    private static async Task<List<string>> CodingsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Codings.Where(c => c.Statement.Key == "scholz-warns").Select(c => c.Coder.Key + "/" + c.Question.Slug).OrderBy(k => k).ToListAsync(Ct);
    }
}
