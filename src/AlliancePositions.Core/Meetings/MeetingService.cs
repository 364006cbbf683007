using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Meetings;

/// <summary>
/// A new meeting, or the new values of an existing one (same fields; the key never changes): participants and topics
/// by key; without a title one is made from the kind and the participants.
/// </summary>
public sealed record CreateMeetingRequest(string Kind, DateOnly Date, string DatePrecision, IReadOnlyList<string> Participants,
    IReadOnlyList<string>? Topics = null, string? Place = null, string? Title = null, string? Note = null);

/// <summary>A meeting as it stands after a write, or as someone else left it when a stale save is refused.</summary>
public sealed record MeetingVersion(string Key, int Version, string Kind, string Title, string Date, string DatePrecision, string? Place, string? Note,
    IReadOnlyList<string> Participants, IReadOnlyList<string> Topics, string? UpdatedBy)
{
    /// <summary>The request that saves the meeting as it stands, for an edit form to change what the user changes.</summary>
    public CreateMeetingRequest ToRequest() => new(Kind, DateOnly.ParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision, Participants, Topics, Place, Title, Note);
}

/// <summary>
/// Records meetings: every key checked, at least two participants, dated honestly; audited like every write. Updates
/// check the version the user read. Deleting a meeting leaves its statements in place, only without the meeting
/// until it is restored.
/// </summary>
public sealed class MeetingService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<MeetingService> logger)
{
    /// <summary>Two meetings of the same kind on the same date, created at once, get their own keys ("-2"), as one after the other would.</summary>
    public Task<WriteResult<string>> CreateAsync(CreateMeetingRequest request, Editor editor, CancellationToken cancellationToken) =>
        UniqueKeys.RetryOnClashAsync(() => CreateOnceAsync(request, editor, cancellationToken));

    private async Task<WriteResult<string>> CreateOnceAsync(CreateMeetingRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = new Meeting { Key = "", Title = "" };
        var errors = await ApplyAsync(db, meeting, request, cancellationToken);
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());

        // "2024-02-26-call", "2024-02-call-2": readable, short, and stable once given.
        var stem = $"{meeting.When.ToIsoPrefix()}-{meeting.Kind.ToWire()}";
        var taken = await db.Meetings.IgnoreQueryFilters().Where(m => m.Key.StartsWith(stem)).Select(m => m.Key).ToListAsync(cancellationToken);
        meeting.Key = Slug.Unique(stem, taken.Contains);
        db.Meetings.Add(meeting);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<string>.Ok(meeting.Key);
    }

    public async Task<WriteResult<MeetingVersion>> UpdateAsync(string key, int expectedVersion, CreateMeetingRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await Tracked(db).FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (meeting is null) return WriteResult<MeetingVersion>.NotFound();
        if (meeting.Version != expectedVersion) return Conflict(meeting, editor);
        var errors = await ApplyAsync(db, meeting, request, cancellationToken);
        if (errors.Any) return WriteResult<MeetingVersion>.Invalid(errors.ToDictionary());
        // Only participants or topics may have changed: the row itself must still move to the next version.
        db.Entry(meeting).State = EntityState.Modified;
        db.EditedBy(editor);
        if (!await db.SaveIfAtVersionAsync(meeting, expectedVersion, cancellationToken))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict(await Tracked(fresh).AsNoTracking().FirstAsync(m => m.Key == key, cancellationToken), editor);
        }
        return WriteResult<MeetingVersion>.Ok(ToVersion(meeting));
    }

    public Task<WriteResult<MeetingVersion>> DeleteAsync(string key, Editor editor, CancellationToken cancellationToken) =>
        SetDeletedAsync(key, deleted: true, editor, cancellationToken);

    public Task<WriteResult<MeetingVersion>> RestoreAsync(string key, Editor editor, CancellationToken cancellationToken) =>
        SetDeletedAsync(key, deleted: false, editor, cancellationToken);

    private async Task<WriteResult<MeetingVersion>> SetDeletedAsync(string key, bool deleted, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await Tracked(db).IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Key == key && (m.DeletedAt != null) != deleted, cancellationToken);
        if (meeting is null) return WriteResult<MeetingVersion>.NotFound();
        if (!await db.SaveDeletedAsync(meeting, deleted, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<MeetingVersion>.NotFound();
        return WriteResult<MeetingVersion>.Ok(ToVersion(meeting));
    }

    private async Task<FieldErrors> ApplyAsync(AppDbContext db, Meeting meeting, CreateMeetingRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!WireNames.TryParse<MeetingKind>(request.Kind, out var kind))
            errors.Add("kind", $"\"{request.Kind}\" is not a kind of meeting: use {string.Join(", ", WireNames.All<MeetingKind>())}.");
        var when = InputRules.PartialDate(errors, "date", request.Date, request.DatePrecision, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        InputRules.Optional(errors, "title", request.Title, InputRules.MaxTitle, "The title");
        InputRules.Optional(errors, "place", request.Place, InputRules.MaxName, "The place");
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        var participantKeys = (request.Participants ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (participantKeys.Count < 2) errors.Add("participants", "A meeting needs at least two participants (actor keys).");
        var topicKeys = (request.Topics ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (!InputRules.KeyCount(errors, "participants", participantKeys.Count, "The participants")) participantKeys = [];
        if (!InputRules.KeyCount(errors, "topics", topicKeys.Count, "The topics")) topicKeys = [];
        var participants = await db.Actors.Where(a => participantKeys.Contains(a.Slug)).ToListAsync(cancellationToken);
        foreach (var missing in participantKeys.Except(participants.Select(a => a.Slug))) errors.Add("participants", $"No actor has the key \"{missing}\".");
        var topics = await db.Topics.Where(t => topicKeys.Contains(t.Slug)).ToListAsync(cancellationToken);
        foreach (var missing in topicKeys.Except(topics.Select(t => t.Slug))) errors.Add("topics", $"No topic has the key \"{missing}\".");
        if (errors.Any) return errors;

        var ordered = participantKeys.Select(k => participants.First(a => a.Slug == k)).ToList();
        meeting.Kind = kind;
        meeting.Title = string.IsNullOrWhiteSpace(request.Title)
            ? $"{char.ToUpperInvariant(kind.ToWire()[0])}{kind.ToWire()[1..]}: {string.Join(", ", ordered.Select(a => a.Name))}"
            : request.Title.Trim();
        (meeting.Date, meeting.DatePrecision) = (when!.Value.Value, when.Value.Precision);
        meeting.Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim();
        meeting.Note = request.Note;
        meeting.Participants = ordered;
        meeting.Topics = topics;
        return errors;
    }

    internal static IQueryable<Meeting> Tracked(AppDbContext db) => db.Meetings.Include(m => m.Participants).Include(m => m.Topics);

    private WriteResult<MeetingVersion> Conflict(Meeting current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of meeting {MeetingKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<MeetingVersion>.Conflict(ToVersion(current));
    }

    internal static MeetingVersion ToVersion(Meeting m) => new(m.Key, m.Version, m.Kind.ToWire(), m.Title,
        m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.DatePrecision.ToWire(), m.Place, m.Note,
        m.Participants.Select(p => p.Slug).ToList(), m.Topics.Select(t => t.Slug).ToList(), m.UpdatedBy);
}
