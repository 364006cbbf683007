using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Data;

internal static class EditableRecordConfiguration
{
    /// <summary>Audit columns, the concurrency token, and the soft-delete filter every editable record shares.</summary>
    public static void ConfigureEditable<T>(this EntityTypeBuilder<T> entity) where T : EditableRecord
    {
        entity.Property(e => e.CreatedBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(e => e.UpdatedBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(e => e.DeletedBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.HasQueryFilter(e => e.DeletedAt == null);
    }
}
