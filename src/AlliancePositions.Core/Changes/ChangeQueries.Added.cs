using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Changes;

public sealed partial class ChangeQueries
{
    private static readonly string[] AddedTypes = Enum.GetNames<AddedKind>();

    /// <summary>
    /// What was recorded here at or after <paramref name="since"/>, newest first, one page at a time: the audit log's
    /// "create" rows for documents, statements, codings and meetings (the log is indexed by time), each with what the
    /// record is now. Unlike <see cref="SinceAsync"/> this is by recording time, so a statement entered today about a
    /// speech of 2024 is here. Records a corpus import wrote in bulk have no row of their own and are not listed.
    /// </summary>
    public async Task<Page<AddedRecord>> AddedSinceAsync(DateTimeOffset since, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var created = AuditSince.From(db, since).Where(e => e.Action == "create" && AddedTypes.Contains(e.RecordType));
        var counted = await created.Take(Page<AddedRecord>.CountCap + 1).CountAsync(cancellationToken);
        // The log is append-only, so its id orders it by time (SQLite cannot sort a DateTimeOffset).
        var rows = await created.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { e.RecordType, e.RecordKey, e.At, e.UserName }).ToListAsync(cancellationToken);
        var current = await DescribeAsync(db, rows.Select(r => (Enum.Parse<AddedKind>(r.RecordType), r.RecordKey)).ToList(), cancellationToken);
        var items = rows.Select(r =>
        {
            var kind = Enum.Parse<AddedKind>(r.RecordType);
            return current.TryGetValue((kind, r.RecordKey), out var now)
                ? now with { AddedAt = r.At, AddedBy = r.UserName }
                : new AddedRecord(kind, r.RecordKey, r.At, r.UserName, null, DeletedSince: true);
        }).ToList();
        return new Page<AddedRecord>(items, Math.Min(counted, Page<AddedRecord>.CountCap), counted > Page<AddedRecord>.CountCap);
    }

    /// <summary>The listed records as they are now, one query per kind on the page (never one per record).</summary>
    private static async Task<Dictionary<(AddedKind, string), AddedRecord>> DescribeAsync(AppDbContext db, IReadOnlyList<(AddedKind Kind, string Key)> listed,
        CancellationToken cancellationToken)
    {
        List<string> Keys(AddedKind kind) => listed.Where(l => l.Kind == kind).Select(l => l.Key).Distinct().ToList();
        var found = new List<AddedRecord>();
        var at = DateTimeOffset.MinValue;
        if (Keys(AddedKind.Document) is { Count: > 0 } documents)
            found.AddRange(await db.Documents.AsNoTracking().Where(d => documents.Contains(d.Key))
                .Select(d => new AddedRecord(AddedKind.Document, d.Key, at, "", d.Title, false, null, null, null, null, null)).ToListAsync(cancellationToken));
        if (Keys(AddedKind.Statement) is { Count: > 0 } statements)
            found.AddRange(await db.Statements.AsNoTracking().Where(s => statements.Contains(s.Key))
                .Select(s => new AddedRecord(AddedKind.Statement, s.Key, at, "", s.Summary, false, s.Actor.Slug, s.Actor.Name, null, null, null))
                .ToListAsync(cancellationToken));
        if (Keys(AddedKind.Meeting) is { Count: > 0 } meetings)
            found.AddRange(await db.Meetings.AsNoTracking().Where(m => meetings.Contains(m.Key))
                .Select(m => new AddedRecord(AddedKind.Meeting, m.Key, at, "", m.Title, false, null, null, null, null, null)).ToListAsync(cancellationToken));
        if (Keys(AddedKind.Coding) is { Count: > 0 } codings)
        {
            // A coding's audit key is "statement/question/coder"; its statements' codings are read at once and matched.
            var coded = codings.Select(k => k.Split('/')[0]).Distinct().ToList();
            var rows = await db.Codings.AsNoTracking().Where(c => coded.Contains(c.Statement.Key))
                .Select(c => new { Statement = c.Statement.Key, Question = c.Question.Slug, c.Question.Title, Coder = c.Coder.Key, c.Position })
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(c => new AddedRecord(AddedKind.Coding, $"{c.Statement}/{c.Question}/{c.Coder}", at, "", c.Title, false,
                Statement: c.Statement, Question: c.Question, Position: c.Position)).Where(c => codings.Contains(c.Key)));
        }
        return found.ToDictionary(r => (r.Kind, r.Key));
    }
}
