using System.Text.Json;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlliancePositions.Core.Audit;

/// <summary>Turns a tracked change into its audit row: the action, and the scalar values before and after as JSON.</summary>
internal static class AuditTrail
{
    private static readonly string[] Bookkeeping = [nameof(EditableRecord.UpdatedAt), nameof(EditableRecord.UpdatedBy), nameof(EditableRecord.Version)];

    // A document's text is immutable and identified by its SHA-256, which is audited; copying megabytes adds nothing.
    private static readonly string[] Bulky = ["Text", "SearchText"];

    public static AuditEntry? Describe(EntityEntry<EditableRecord> entry, string user, DateTimeOffset now)
    {
        var action = entry.State switch
        {
            EntityState.Added => "create",
            EntityState.Modified when IsSet(entry, nameof(EditableRecord.DeletedAt), original: true) is false && IsSet(entry, nameof(EditableRecord.DeletedAt), original: false) => "delete",
            EntityState.Modified when IsSet(entry, nameof(EditableRecord.DeletedAt), original: true) && !IsSet(entry, nameof(EditableRecord.DeletedAt), original: false) => "restore",
            EntityState.Modified => "update",
            _ => null,
        };
        if (action is null) return null;
        var changed = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsShadowProperty() && !Bulky.Contains(p.Metadata.Name)
            && (action == "create" || (p.IsModified && !Bookkeeping.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)))).ToList();
        return new AuditEntry
        {
            At = now, UserName = user, Action = action, RecordType = entry.Metadata.ClrType.Name, RecordKey = entry.Entity.AuditKey,
            OldValues = action == "create" ? null : Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
            NewValues = Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)),
        };
    }

    private static bool IsSet(EntityEntry<EditableRecord> entry, string property, bool original)
    {
        var p = entry.Property(property);
        return (original ? p.OriginalValue : p.CurrentValue) is not null;
    }

    // Relaxed escaping keeps the log readable ("Ana's", "Élysée"); it is stored and shown as text, never as HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);
}
