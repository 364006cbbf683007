using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Editing;

/// <summary>The two steps every edit of an <see cref="EditableRecord"/> shares: a save that checks the version, and a soft delete or restore.</summary>
internal static class RecordEdits
{
    /// <summary>
    /// Saves the edit only if the row is still at the version the user read. EF compares that version with the row's at
    /// save time, so a change made between our read and our write is caught too. False when it was not: nothing (no
    /// audit row either) is written, as the change and its audit row share the one SaveChanges.
    /// </summary>
    public static async Task<bool> SaveIfAtVersionAsync<T>(this AppDbContext db, T record, int expectedVersion, CancellationToken cancellationToken)
        where T : EditableRecord
    {
        db.Entry(record).Property(r => r.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Soft-deletes or restores the record and saves. False when another request changed the row since it was read (two
    /// analysts deleting the same record at once): the first one's change stands and nothing of this one is written.
    /// </summary>
    public static async Task<bool> SaveDeletedAsync(this AppDbContext db, EditableRecord record, bool deleted, Editor editor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        record.MarkDeleted(deleted, editor, now);
        db.EditedBy(editor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public static void MarkDeleted(this EditableRecord record, bool deleted, Editor editor, DateTimeOffset now)
    {
        record.DeletedAt = deleted ? now : null;
        record.DeletedBy = deleted ? editor.UserName : null;
    }

    /// <summary>Keys as a short list for a message: "a, b, c and 4 more".</summary>
    public static string List(IReadOnlyList<string> keys, int shown = 5) =>
        keys.Count <= shown ? string.Join(", ", keys) : $"{string.Join(", ", keys.Take(shown))} and {keys.Count - shown} more";
}
