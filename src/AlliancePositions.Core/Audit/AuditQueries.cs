using AlliancePositions.Core.Data;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Audit;

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string Action, string RecordType, string RecordKey, string? OldValues, string? NewValues);

public sealed class AuditQueries(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The audit log newest first, one page at a time.</summary>
    public async Task<Page<AuditRow>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (page, pageSize) = PageLimits.Clamp(page, pageSize);
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        // The log is append-only, so the id orders it by time (and SQLite cannot sort a DateTimeOffset).
        var items = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.At, e.UserName, e.Action, e.RecordType, e.RecordKey, e.OldValues, e.NewValues))
            .ToListAsync(cancellationToken);
        return new Page<AuditRow>(items, total);
    }
}
