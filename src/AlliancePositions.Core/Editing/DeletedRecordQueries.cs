using AlliancePositions.Core.Data;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Editing;

/// <summary>The kinds of record an analyst deletes softly and an Admin restores.</summary>
public enum DeletedKind
{
    Statement,
    Coding,
    Annotation,
    Document,
    Meeting,
    Actor,
}

/// <summary>
/// One deleted record as the restore list shows it. <paramref name="Key"/> and <paramref name="Parent"/> are what the
/// kind's restore takes: an annotation's document, a coding's statement (its key is "question/coder").
/// </summary>
public sealed record DeletedRecord(DeletedKind Kind, string Key, string? Parent, string Description, DateTimeOffset DeletedAt, string? DeletedBy);

/// <summary>The latest deleted records of every kind, newest first, and how many of each kind are deleted in all.</summary>
public sealed record DeletedRecords(IReadOnlyList<DeletedRecord> Rows, IReadOnlyDictionary<DeletedKind, int> Totals)
{
    public int Total => Totals.Values.Sum();
}

/// <summary>
/// Soft-deleted records, which the global query filter hides everywhere else, for an Admin to restore. Each kind is
/// read with its own bounded query (the <c>perKind</c> newest rows: SQLite cannot order by a date-time offset, so
/// the row id stands in, and the merged list is then sorted by deletion time), so the list never loads a whole table.
/// </summary>
public sealed class DeletedRecordQueries(IDbContextFactory<AppDbContext> contexts)
{
    public const int DefaultPerKind = 100;

    public async Task<DeletedRecords> ListAsync(int perKind, CancellationToken cancellationToken)
    {
        perKind = Math.Clamp(perKind, 1, PageLimits.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<DeletedRecord>();
        var totals = new Dictionary<DeletedKind, int>();

        var statements = db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.DeletedAt != null);
        totals[DeletedKind.Statement] = await statements.CountAsync(cancellationToken);
        rows.AddRange(await statements.OrderByDescending(s => s.Id).Take(perKind)
            .Select(s => new DeletedRecord(DeletedKind.Statement, s.Key, null, s.Actor.Name + ": " + s.Summary, s.DeletedAt!.Value, s.DeletedBy))
            .ToListAsync(cancellationToken));

        var codings = db.Codings.IgnoreQueryFilters().AsNoTracking().Where(c => c.DeletedAt != null);
        totals[DeletedKind.Coding] = await codings.CountAsync(cancellationToken);
        rows.AddRange(await codings.OrderByDescending(c => c.Id).Take(perKind)
            .Select(c => new DeletedRecord(DeletedKind.Coding, c.Question.Slug + "/" + c.Coder.Key, c.Statement.Key,
                c.Coder.DisplayName + "'s coding " + c.Position + " on \"" + c.Question.Title + "\" of: " + c.Statement.Summary, c.DeletedAt!.Value, c.DeletedBy))
            .ToListAsync(cancellationToken));

        var annotations = db.Annotations.IgnoreQueryFilters().AsNoTracking().Where(a => a.DeletedAt != null);
        totals[DeletedKind.Annotation] = await annotations.CountAsync(cancellationToken);
        rows.AddRange(await annotations.OrderByDescending(a => a.Id).Take(perKind)
            .Select(a => new DeletedRecord(DeletedKind.Annotation, a.Key, a.Document.Key, "\"" + a.Exact + "\" in " + a.Document.Title, a.DeletedAt!.Value, a.DeletedBy))
            .ToListAsync(cancellationToken));

        var documents = db.Documents.IgnoreQueryFilters().AsNoTracking().Where(d => d.DeletedAt != null);
        totals[DeletedKind.Document] = await documents.CountAsync(cancellationToken);
        rows.AddRange(await documents.OrderByDescending(d => d.Id).Take(perKind)
            .Select(d => new DeletedRecord(DeletedKind.Document, d.Key, null, d.Title, d.DeletedAt!.Value, d.DeletedBy))
            .ToListAsync(cancellationToken));

        var meetings = db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.DeletedAt != null);
        totals[DeletedKind.Meeting] = await meetings.CountAsync(cancellationToken);
        rows.AddRange(await meetings.OrderByDescending(m => m.Id).Take(perKind)
            .Select(m => new DeletedRecord(DeletedKind.Meeting, m.Key, null, m.Title, m.DeletedAt!.Value, m.DeletedBy))
            .ToListAsync(cancellationToken));

        var actors = db.Actors.IgnoreQueryFilters().AsNoTracking().Where(a => a.DeletedAt != null);
        totals[DeletedKind.Actor] = await actors.CountAsync(cancellationToken);
        rows.AddRange(await actors.OrderByDescending(a => a.Id).Take(perKind)
            .Select(a => new DeletedRecord(DeletedKind.Actor, a.Slug, null, a.Name, a.DeletedAt!.Value, a.DeletedBy))
            .ToListAsync(cancellationToken));

        return new DeletedRecords(rows.OrderByDescending(r => r.DeletedAt).ToList(), totals);
    }
}
