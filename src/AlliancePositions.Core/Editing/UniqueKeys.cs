using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlliancePositions.Core.Editing;

/// <summary>
/// Creates that race on a unique key. A create reads what is stored (the slugs taken, a document with the same hash,
/// the coder's coding) and then writes; two identical requests at once can both read "free" and the second write then
/// breaks the unique index. The use case is then run again from the start on a fresh context: it reads the row the
/// other request stored and decides as a single request would (the next slug, 409 for the same text, the coding
/// replaced). Nothing of the failed attempt was written: it and its audit rows share one SaveChanges.
/// </summary>
internal static class UniqueKeys
{
    /// <summary>
    /// Each lost race means another request's row was stored, so N identical creates at once settle within N attempts;
    /// past this many the violation is not a race but a fault, and is left to surface.
    /// </summary>
    public const int Attempts = 16;

    /// <param name="useCase">One attempt, on its own context.</param>
    /// <param name="lastWriteWins">
    /// Also run again when the row read was changed before our write (a version conflict): for writes that replace a
    /// value whole, such as a coder's own coding, where the later of two requests is meant to win.
    /// </param>
    public static async Task<T> RetryOnClashAsync<T>(Func<Task<T>> useCase, bool lastWriteWins = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await useCase();
            }
            catch (DbUpdateException clash) when (attempt < Attempts && (IsUniqueViolation(clash) || (lastWriteWins && clash is DbUpdateConcurrencyException)))
            {
                // Another request stored the same key (or changed the row) between our read and our write: read again.
            }
        }
    }

    /// <summary>SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555); PostgreSQL's unique_violation (23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
