using System.Globalization;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Audit;

/// <summary>
/// The audit rows written at or after an instant, reached through <c>IX_AuditEntries_At</c>. The one provider seam for
/// "added since": EF will not compare a <see cref="DateTimeOffset"/> in SQLite SQL, where it is stored as text in the
/// format below. Every row is written in UTC (<see cref="AppDbContext.Clock"/>'s UtcNow), so the text sorts as the
/// instant does and a text comparison is an instant comparison. PostgreSQL compares its timestamptz natively.
/// </summary>
public static class AuditSince
{
    // The format Microsoft.Data.Sqlite writes a DateTimeOffset in (trailing zero digits of the fraction dropped).
    private const string SqliteFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    public static IQueryable<AuditEntry> From(AppDbContext db, DateTimeOffset since)
    {
        var utc = since.ToUniversalTime();
        if (!db.Database.IsSqlite()) return db.AuditEntries.Where(e => e.At >= utc);
        var text = utc.ToString(SqliteFormat, CultureInfo.InvariantCulture);
        return db.AuditEntries.FromSql($"SELECT * FROM \"AuditEntries\" WHERE \"At\" >= {text}");
    }
}
