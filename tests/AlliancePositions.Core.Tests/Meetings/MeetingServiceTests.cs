using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Meetings;

public class MeetingServiceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Editor Ana = new("ana@example.org", "user-ana");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_meeting_is_recorded_with_its_participants_and_topics_and_audited()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = new MeetingService(database, Clock);

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
        await using var database = await SeededDatabase.CreateAsync();
        var service = new MeetingService(database, Clock);
        var request = new CreateMeetingRequest("call", new DateOnly(2024, 3, 5), "day", ["olaf-scholz", "joe-biden"]);

        var first = await service.CreateAsync(request, Ana, Ct);
        var second = await service.CreateAsync(request with { Title = "Second call" }, Ana, Ct);

        Assert.Equal(("2024-03-05-call", "2024-03-05-call-2"), (first.Value, second.Value));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_written()
    {
        await using var database = await SeededDatabase.CreateAsync();
        await using (var before = database.CreateDbContext()) Assert.Equal(3, await before.Meetings.CountAsync(Ct));

        var result = await new MeetingService(database, Clock).CreateAsync(new CreateMeetingRequest("picnic", new DateOnly(2031, 1, 1), "week",
            ["nobody"], ["weather"]), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(["datePrecision", "kind", "participants", "topics"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("No actor has the key \"nobody\".", result.Errors["participants"]);
        await using var db = database.CreateDbContext();
        Assert.Equal(3, await db.Meetings.CountAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_future_date_is_refused()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var result = await new MeetingService(database, Clock).CreateAsync(new CreateMeetingRequest("call", new DateOnly(2031, 1, 1), "day",
            ["olaf-scholz", "joe-biden"]), Ana, Ct);

        Assert.Equal("The date 2031-01-01 is in the future.", Assert.Single(result.Errors!["date"]));
    }
}
