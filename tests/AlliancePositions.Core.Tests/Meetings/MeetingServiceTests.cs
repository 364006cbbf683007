using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Meetings;

public class MeetingServiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Editor Ana = new("ana@example.org", "user-ana");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The actors and the topic these meetings name, and nothing else.</summary>
    private static async Task<TestDatabase> DatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var records = new TestRecords(database);
        foreach (var name in new[] { "Olaf Scholz", "Emmanuel Macron", "Joe Biden" }) await records.ActorAsync(name);
        await records.TopicAsync("troop-deployment");
        return database;
    }

    [Fact]
    public async Task A_meeting_is_recorded_with_its_participants_and_topics_and_audited()
    {
        await using var database = await DatabaseAsync();
        var service = new MeetingService(database, Clock, NullLogger<MeetingService>.Instance);

        var created = await service.CreateAsync(new CreateMeetingRequest("bilateral", new DateOnly(2024, 3, 17), "month",
            ["olaf-scholz", "emmanuel-macron"], ["troop-deployment"], Place: " Berlin "), Ana, Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        Assert.Equal("2024-03-bilateral", created.Value);
        await using var db = database.CreateDbContext();
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Topics).SingleAsync(m => m.Key == created.Value, Ct);
        Assert.Equal((new DateOnly(2024, 3, 1), DatePrecision.Month, "Berlin"), (meeting.Date, meeting.DatePrecision, meeting.Place));
        Assert.Equal(["emmanuel-macron", "olaf-scholz"], meeting.Participants.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.Equal("Bilateral: Olaf Scholz, Emmanuel Macron", meeting.Title);
        Assert.Equal("troop-deployment", Assert.Single(meeting.Topics).Slug);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "Meeting").ToListAsync(Ct));
        Assert.Equal(("create", created.Value, "ana@example.org"), (audit.Action, audit.RecordKey, audit.UserName));
    }

    [Fact]
    public async Task A_second_meeting_of_the_same_kind_on_the_same_date_gets_its_own_key()
    {
        await using var database = await DatabaseAsync();
        var service = new MeetingService(database, Clock, NullLogger<MeetingService>.Instance);
        var request = new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"]);

        var first = await service.CreateAsync(request, Ana, Ct);
        var second = await service.CreateAsync(request with { Title = "Second call" }, Ana, Ct);

        Assert.Equal(("2024-03-05-call", "2024-03-05-call-2"), (first.Value, second.Value));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        await using var database = await DatabaseAsync();
        await using (var before = database.CreateDbContext()) Assert.Empty(await before.Meetings.ToListAsync(Ct));

        var result = await new MeetingService(database, Clock, NullLogger<MeetingService>.Instance).CreateAsync(new CreateMeetingRequest("picnic", new DateOnly(2031, 1, 1), "week",
            ["nobody"], ["weather"]), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["datePrecision", "kind", "participants", "topics"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("No actor has the key \"nobody\".", result.Errors["participants"]);
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Meetings.ToListAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_future_date_is_refused()
    {
        await using var database = await DatabaseAsync();
        var result = await new MeetingService(database, Clock, NullLogger<MeetingService>.Instance).CreateAsync(new CreateMeetingRequest("call", new DateOnly(2031, 1, 1), "day",
            ["olaf-scholz", "joe-biden"]), Ana, Ct);

        Assert.Equal("The date 2031-01-01 is in the future.", Assert.Single(result.Errors!["date"]));
    }

    [Fact]
    public async Task An_update_replaces_the_values_keeps_the_key_and_is_audited()
    {
        await using var database = await DatabaseAsync();
        var service = new MeetingService(database, Clock, NullLogger<MeetingService>.Instance);
        var key = (await service.CreateAsync(new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"]), Ana, Ct)).Value!;

        var updated = await service.UpdateAsync(key, 1, new CreateMeetingRequest("bilateral", new DateOnly(2024, 3, 6), "day",
            ["olaf-scholz", "joe-biden", "emmanuel-macron"], ["troop-deployment"], "Washington", "Three-way talks"), Ana, Ct);

        Assert.Equal(WriteStatus.Ok, updated.Status);
        Assert.Equal((key, 2, "bilateral", "Three-way talks", "2024-03-06", "Washington"),
            (updated.Value!.Key, updated.Value.Version, updated.Value.Kind, updated.Value.Title, updated.Value.Date, updated.Value.Place));
        await using var db = database.CreateDbContext();
        var meeting = await db.Meetings.Include(m => m.Participants).Include(m => m.Topics).SingleAsync(m => m.Key == key, Ct);
        Assert.Equal(3, meeting.Participants.Count);
        Assert.Equal("troop-deployment", Assert.Single(meeting.Topics).Slug);
        var audit = await db.AuditEntries.SingleAsync(a => a.RecordType == "Meeting" && a.Action == "update", Ct);
        Assert.Contains("Three-way talks", audit.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_the_current_values()
    {
        await using var database = await DatabaseAsync();
        var service = new MeetingService(database, Clock, NullLogger<MeetingService>.Instance);
        var request = new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"]);
        var key = (await service.CreateAsync(request, Ana, Ct)).Value!;

        await service.UpdateAsync(key, 1, request with { Title = "Ana's title" }, Ana, Ct);
        var stale = await service.UpdateAsync(key, 1, request with { Title = "Ben's title" }, Ana, Ct);

        Assert.Equal(WriteStatus.Conflict, stale.Status);
        var current = Assert.IsType<MeetingVersion>(stale.Current);
        Assert.Equal(("Ana's title", 2), (current.Title, current.Version));
        Assert.Equal(["joe-biden", "olaf-scholz"], current.Participants.Order(StringComparer.Ordinal));
        await using var db = database.CreateDbContext();
        Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "Meeting" && a.Action == "update").ToListAsync(Ct));
    }

    [Fact]
    public async Task An_invalid_update_writes_nothing()
    {
        await using var database = await DatabaseAsync();
        var service = new MeetingService(database, Clock, NullLogger<MeetingService>.Instance);
        var key = (await service.CreateAsync(new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"]), Ana, Ct)).Value!;

        var result = await service.UpdateAsync(key, 1, new CreateMeetingRequest("picnic", new DateOnly(2024, 3, 5), "day", ["olaf-scholz"]), Ana, Ct);

        Assert.Equal(["kind", "participants"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        await using var db = database.CreateDbContext();
        var meeting = await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.Key == key, Ct);
        Assert.Equal((MeetingKind.Call, 2, 1), (meeting.Kind, meeting.Participants.Count, meeting.Version));
        Assert.Equal(WriteStatus.NotFound, (await service.UpdateAsync("nothing", 1, new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", []), Ana, Ct)).Status);
    }

    [Fact]
    public async Task A_deleted_meeting_keeps_its_statements_and_is_restored_with_nothing_lost()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var edits = new Editing.EditFixture(database);
        var key = (await edits.Meetings.CreateAsync(new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"], ["troop-deployment"]), Ana, Ct)).Value!;
        var (_, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync("olaf-scholz", annotation, meeting: key);

        Assert.True((await edits.Meetings.DeleteAsync(key, Ana, Ct)).Succeeded);
        await using (var db = database.CreateDbContext())
        {
            Assert.False(await db.Meetings.AnyAsync(m => m.Key == key, Ct));
            Assert.True(await db.Statements.AnyAsync(s => s.Key == statement, Ct));
        }
        Assert.Equal(WriteStatus.NotFound, (await edits.Meetings.DeleteAsync(key, Ana, Ct)).Status);
        Assert.True((await edits.Meetings.RestoreAsync(key, Ana, Ct)).Succeeded);

        await using var after = database.CreateDbContext();
        var meeting = await after.Meetings.Include(m => m.Participants).Include(m => m.Topics).Include(m => m.Statements).SingleAsync(m => m.Key == key, Ct);
        Assert.Equal((2, 1), (meeting.Participants.Count, meeting.Topics.Count));
        Assert.Equal(statement, Assert.Single(meeting.Statements).Key);
        Assert.Equal(["create", "delete", "restore"], await after.AuditEntries.Where(a => a.RecordKey == key).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }
}
