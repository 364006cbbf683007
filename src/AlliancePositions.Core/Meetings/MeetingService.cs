using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Meetings;

/// <summary>A new meeting: participants and topics by key; without a title one is made from the kind and the participants.</summary>
public sealed record CreateMeetingRequest(string Kind, DateOnly Date, string DatePrecision, IReadOnlyList<string> Participants,
    IReadOnlyList<string>? Topics = null, string? Place = null, string? Title = null, string? Note = null);

/// <summary>Records meetings: every key checked, at least two participants, dated honestly; audited like every write.</summary>
public sealed class MeetingService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<WriteResult<string>> CreateAsync(CreateMeetingRequest request, Editor editor, CancellationToken cancellationToken)
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

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var participants = await db.Actors.Where(a => participantKeys.Contains(a.Slug)).ToListAsync(cancellationToken);
        foreach (var missing in participantKeys.Except(participants.Select(a => a.Slug))) errors.Add("participants", $"No actor has the key \"{missing}\".");
        var topics = await db.Topics.Where(t => topicKeys.Contains(t.Slug)).ToListAsync(cancellationToken);
        foreach (var missing in topicKeys.Except(topics.Select(t => t.Slug))) errors.Add("topics", $"No topic has the key \"{missing}\".");
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());

        var ordered = participantKeys.Select(k => participants.First(a => a.Slug == k)).ToList();
        var title = string.IsNullOrWhiteSpace(request.Title)
            ? $"{char.ToUpperInvariant(kind.ToWire()[0])}{kind.ToWire()[1..]}: {string.Join(", ", ordered.Select(a => a.Name))}"
            : request.Title.Trim();
        // "2024-02-26-call", "2024-02-call-2": readable, short, and stable once given.
        var stem = $"{when!.Value.ToIsoPrefix()}-{kind.ToWire()}";
        var taken = await db.Meetings.IgnoreQueryFilters().Where(m => m.Key.StartsWith(stem)).Select(m => m.Key).ToListAsync(cancellationToken);
        var meeting = new Meeting
        {
            Key = Slug.Unique(stem, taken.Contains), Kind = kind, Title = title, Date = when.Value.Value, DatePrecision = when.Value.Precision,
            Place = string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim(), Note = request.Note, Participants = ordered, Topics = topics,
        };
        db.Meetings.Add(meeting);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<string>.Ok(meeting.Key);
    }
}
