using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Meetings;

public sealed record MeetingSummary(string Key, MeetingKind Kind, string Title, PartialDate When, string? Place, IReadOnlyList<string> Participants);

public sealed record MeetingDetail(string Key, MeetingKind Kind, string Title, PartialDate When, string? Place, string? Note,
    IReadOnlyList<ActorSummary> Participants, IReadOnlyList<string> Topics, IReadOnlyList<StatementRow> Statements,
    IReadOnlyList<(string Key, string Title)> ReportedIn, int Version);

public sealed class MeetingQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<Page<MeetingSummary>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var total = await db.Meetings.CountAsync(cancellationToken);
        var items = await db.Meetings.AsNoTracking().OrderByDescending(m => m.Date).ThenBy(m => m.Key).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new MeetingSummary(m.Key, m.Kind, m.Title, new PartialDate(m.Date, m.DatePrecision), m.Place,
                m.Participants.OrderBy(p => p.Name).Select(p => p.Name).ToList()))
            .ToListAsync(cancellationToken);
        return new Page<MeetingSummary>(items, total);
    }

    /// <summary>The meeting's values as its edit form opens them, with the version a save names; null when no meeting has the key.</summary>
    public async Task<MeetingVersion?> FindForEditAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await MeetingService.Tracked(db).AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
        return meeting is null ? null : MeetingService.ToVersion(meeting);
    }

    public async Task<MeetingDetail?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Key == key).Select(m => new
        {
            m.Id, m.Key, m.Kind, m.Title, m.Date, m.DatePrecision, m.Place, m.Note, m.Version,
            Participants = m.Participants.OrderBy(p => p.Name).Select(p => new ActorSummary(p.Slug, p.Name, p.Kind, p.CountryCode)).ToList(),
            Topics = m.Topics.Select(t => t.Name).ToList(),
            ReportedIn = m.ReportedIn.Select(d => new { d.Key, d.Title }).ToList(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is null) return null;
        var statements = await StatementQueries.Project(db.Statements.AsNoTracking().Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.Date).ThenBy(s => s.Key))
            .ToListAsync(cancellationToken);
        return new MeetingDetail(meeting.Key, meeting.Kind, meeting.Title, new PartialDate(meeting.Date, meeting.DatePrecision), meeting.Place, meeting.Note,
            meeting.Participants, meeting.Topics, statements, meeting.ReportedIn.Select(d => (d.Key, d.Title)).ToList(), meeting.Version);
    }
}
