namespace AlliancePositions.Core.Data;

/// <summary>
/// What analysts edit: who created and last changed it and when, a soft-delete marker (an Admin can restore), and a
/// version that EF checks on every update so a second analyst's stale save is refused instead of overwriting.
/// </summary>
public abstract class EditableRecord
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public int Version { get; set; }

    /// <summary>The stable key the audit log names the record by (never the row id).</summary>
    public abstract string AuditKey { get; }
}
