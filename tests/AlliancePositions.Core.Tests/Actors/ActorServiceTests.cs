using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using static AlliancePositions.Core.Tests.Editing.EditFixture;

namespace AlliancePositions.Core.Tests.Actors;

public class ActorServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateActorRequest Edit(string name) => new(name, "person", "ee", ["Kallas", " Kaja "], "High representative");

    [Fact]
    public async Task An_update_keeps_the_slug_bumps_the_version_and_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();

        var updated = await edits.Actors.UpdateAsync(slug, 1, Edit("Kaja Kallas (EU)"), Ben, Ct);

        Assert.Equal(WriteStatus.Ok, updated.Status);
        Assert.Equal((slug, 2, "Kaja Kallas (EU)", "EE", "ben@example.org"), (updated.Value!.Slug, updated.Value.Version, updated.Value.Name, updated.Value.Country, updated.Value.UpdatedBy));
        Assert.Equal(["Kallas", "Kaja"], updated.Value.Aliases);
        await using var db = database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "update", Ct);
        Assert.Equal(("Actor", slug, "ben@example.org"), (audit.RecordType, audit.RecordKey, audit.UserName));
        Assert.Contains("Kaja Kallas (EU)", audit.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_current_values_and_no_audit_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();

        var first = await edits.Actors.UpdateAsync(slug, 1, Edit("Ana's name"), Ana, Ct);
        var second = await edits.Actors.UpdateAsync(slug, 1, Edit("Ben's name"), Ben, Ct);

        Assert.Equal((WriteStatus.Ok, WriteStatus.Conflict), (first.Status, second.Status));
        var current = Assert.IsType<ActorVersion>(second.Current);
        Assert.Equal(("Ana's name", 2), (current.Name, current.Version));
        await using var db = database.CreateDbContext();
        Assert.Equal("ana@example.org", (await db.AuditEntries.SingleAsync(a => a.Action == "update", Ct)).UserName);
    }

    [Fact]
    public async Task A_change_saved_between_reading_and_writing_is_caught_by_the_concurrency_token()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();
        await using var slow = database.CreateDbContext();
        var stale = await slow.Actors.SingleAsync(a => a.Slug == slug, Ct);

        await edits.Actors.UpdateAsync(slug, 1, Edit("Saved first"), Ana, Ct);
        stale.Name = "Saved second";
        slow.EditedBy(Ben);
        var saved = await slow.SaveIfAtVersionAsync(stale, 1, Ct);

        Assert.False(saved);
        await using var db = database.CreateDbContext();
        Assert.Equal("Saved first", (await db.Actors.SingleAsync(a => a.Slug == slug, Ct)).Name);
        Assert.Empty(await db.AuditEntries.Where(a => a.UserName == "ben@example.org").ToListAsync(Ct));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();

        var result = await edits.Actors.UpdateAsync(slug, 1, new CreateActorRequest(" ", "alien", "Estonia"), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["country", "kind", "name"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        await using var db = database.CreateDbContext();
        var actor = await db.Actors.SingleAsync(a => a.Slug == slug, Ct);
        Assert.Equal(("Kaja Kallas", 1), (actor.Name, actor.Version));
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "update").ToListAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_slug_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);

        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.UpdateAsync("nobody", 1, Edit("X"), Ana, Ct)).Status);
        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.DeleteAsync("nobody", Ana, Ct)).Status);
        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.RestoreAsync("nobody", Ana, Ct)).Status);
    }

    [Fact]
    public async Task An_actor_with_statements_or_meetings_cannot_be_deleted()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();
        var (_, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync(slug, annotation);

        var refused = await edits.Actors.DeleteAsync(slug, Ana, Ct);

        Assert.Equal(WriteStatus.InUse, refused.Status);
        Assert.Equal($"Kaja Kallas still has 1 statement ({statement}); delete or reassign them first.", refused.Reason);
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.Actors.AnyAsync(a => a.Slug == slug, Ct));
            Assert.Empty(await db.AuditEntries.Where(a => a.Action == "delete").ToListAsync(Ct));
        }

        await edits.Statements.DeleteAsync(statement, Ana, Ct);
        await edits.Meetings.CreateAsync(new Core.Meetings.CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", [slug, "olaf-scholz"]), Ana, Ct);
        var stillRefused = await edits.Actors.DeleteAsync(slug, Ana, Ct);
        Assert.Equal("Kaja Kallas still has 1 meeting (2024-03-05-call); delete or reassign them first.", stillRefused.Reason);
    }

    [Fact]
    public async Task A_deleted_actor_is_hidden_and_restored_with_nothing_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();

        Assert.True((await edits.Actors.DeleteAsync(slug, Ana, Ct)).Succeeded);
        await using (var db = database.CreateDbContext())
            Assert.False(await db.Actors.AnyAsync(a => a.Slug == slug, Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.DeleteAsync(slug, Ana, Ct)).Status);
        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.UpdateAsync(slug, 2, Edit("X"), Ana, Ct)).Status);
        var restored = await edits.Actors.RestoreAsync(slug, Ben, Ct);

        Assert.True(restored.Succeeded);
        await using var after = database.CreateDbContext();
        var actor = await after.Actors.SingleAsync(a => a.Slug == slug, Ct);
        Assert.Equal(("Kaja Kallas", "EE", "Prime minister", null), (actor.Name, actor.CountryCode, actor.Note, actor.DeletedBy));
        Assert.Equal(["Kallas"], actor.Aliases);
        Assert.Equal(["create", "delete", "restore"], await after.AuditEntries.Where(a => a.RecordKey == slug).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(WriteStatus.NotFound, (await edits.Actors.RestoreAsync(slug, Ben, Ct)).Status);
    }

    [Fact]
    public async Task A_statement_of_a_deleted_actor_is_restored_only_after_the_actor()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var slug = await edits.ActorAsync();
        var (_, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync(slug, annotation);
        await edits.Statements.DeleteAsync(statement, Ana, Ct);
        await edits.Actors.DeleteAsync(slug, Ana, Ct);

        var refused = await edits.Statements.RestoreAsync(statement, Ana, Ct);
        await edits.Actors.RestoreAsync(slug, Ana, Ct);
        var restored = await edits.Statements.RestoreAsync(statement, Ana, Ct);

        Assert.Equal((WriteStatus.InUse, WriteStatus.Ok), (refused.Status, restored.Status));
        Assert.Equal("The statement's actor is deleted; an Admin restores the actor first.", refused.Reason);
    }
}
