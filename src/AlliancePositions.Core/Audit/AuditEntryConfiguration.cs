using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.Property(a => a.UserName).HasMaxLength(InputRules.MaxUserName);
        entity.Property(a => a.Action).HasMaxLength(20);
        entity.Property(a => a.RecordType).HasMaxLength(50);
        entity.Property(a => a.RecordKey).HasMaxLength(200);
        entity.HasIndex(a => a.At).HasDatabaseName("IX_AuditEntries_At");
        // "Added since" asks for one action from an instant on: equality then range, so the log is read from that instant only.
        entity.HasIndex(a => new { a.Action, a.At }).HasDatabaseName("IX_AuditEntries_Action_At");
        entity.HasIndex(a => new { a.RecordType, a.RecordKey }).HasDatabaseName("IX_AuditEntries_Record");
    }
}
