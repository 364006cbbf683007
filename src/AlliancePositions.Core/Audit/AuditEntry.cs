namespace AlliancePositions.Core.Audit;

/// <summary>
/// One row of the append-only audit log: who changed which record (by key), when, and its values before and after as
/// JSON. Written by <see cref="Data.AppDbContext"/> in the same SaveChanges (so the same transaction) as the change.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string RecordType { get; set; }
    public required string RecordKey { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
}
