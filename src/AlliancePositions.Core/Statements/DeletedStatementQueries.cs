using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Statements;

public sealed record DeletedStatementRow(string Key, string ActorName, PartialDate When, string Summary, DateTimeOffset DeletedAt, string? DeletedBy);

/// <summary>Soft-deleted statements, which the global query filter hides everywhere else, for an Admin to restore.</summary>
public sealed class DeletedStatementQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<Page<DeletedStatementRow>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = Paging.Paging.Clamp(page, pageSize);
        var deleted = db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.DeletedAt != null);
        var total = await deleted.CountAsync(cancellationToken);
        var rows = await deleted.OrderByDescending(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new { s.Key, s.Actor.Name, s.Date, s.DatePrecision, s.Summary, s.DeletedAt, s.DeletedBy })
            .ToListAsync(cancellationToken);
        return new Page<DeletedStatementRow>(
            rows.Select(s => new DeletedStatementRow(s.Key, s.Name, new PartialDate(s.Date, s.DatePrecision), s.Summary, s.DeletedAt!.Value, s.DeletedBy)).ToList(),
            total);
    }
}
