using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Sources;

public sealed record OutletSummary(string Slug, string Name, SourceGrade Reliability);

public sealed class OutletQueries(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Every outlet by name, for choosing a new document's publisher.</summary>
    public async Task<IReadOnlyList<OutletSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outlets.AsNoTracking().OrderBy(o => o.Name).Select(o => new OutletSummary(o.Slug, o.Name, o.Reliability)).ToListAsync(cancellationToken);
    }
}
