using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Changes;

public sealed record ChangedDocument(string Key, string Title, DateOnly? PublishedOn);

/// <summary>What is new since a date: documents published, statements made (grouped by question and actor), shifts.</summary>
public sealed record ChangesSince(DateOnly Since, IReadOnlyList<ChangedDocument> Documents, IReadOnlyList<StatementRow> Statements,
    IReadOnlyList<ActorShift> Shifts, bool Truncated);

/// <summary>
/// Changes since a date, by event time: documents by publication date, statements by their date, shifts by the date
/// the band changed (as known today, on every question, from the stance service's per-question results). At most
/// <see cref="Limit"/> documents and statements are read, newest first.
/// </summary>
public sealed partial class ChangeQueries(IDbContextFactory<AppDbContext> contexts, StanceQueries stances, TimeProvider clock)
{
    public const int Limit = 500;

    public async Task<ChangesSince> SinceAsync(DateOnly since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.PublishedOn >= since).OrderByDescending(d => d.PublishedOn).Take(Limit)
            .Select(d => new ChangedDocument(d.Key, d.Title, d.PublishedOn)).ToListAsync(cancellationToken);
        var statements = await StatementQueries.Project(db.Statements.AsNoTracking().Where(s => s.Date >= since)
            .OrderByDescending(s => s.Date).ThenBy(s => s.Key).Take(Limit + 1)).ToListAsync(cancellationToken);
        var truncated = statements.Count > Limit;
        statements = statements.Take(Limit).ToList();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var shifts = new List<ActorShift>();
        foreach (var question in await db.Questions.AsNoTracking().OrderBy(q => q.Slug).Select(q => q.Slug).ToListAsync(cancellationToken))
        {
            var found = await stances.ForQuestionAsync(question, today, today, StanceLens.Default, null, cancellationToken);
            shifts.AddRange(found?.Shifts.TakeWhile(s => s.Shift.Date.Value >= since) ?? []);
        }
        return new ChangesSince(since, documents, statements,
            shifts.OrderByDescending(s => s.Shift.Date).ThenBy(s => s.Actor.Name, StringComparer.Ordinal).ToList(), truncated);
    }
}
