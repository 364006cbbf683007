using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Suggestions;

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> entity)
    {
        entity.ConfigureEditable();
        entity.Property(s => s.Key).HasMaxLength(InputRules.MaxShortKey);
        entity.Property(s => s.Fingerprint).HasMaxLength(InputRules.MaxName + 40);
        entity.Property(s => s.Exact).HasMaxLength(InputRules.MaxQuote);
        entity.Property(s => s.MentionExact).HasMaxLength(InputRules.MaxName);
        entity.Property(s => s.DateEvidence).HasMaxLength(500);
        entity.Property(s => s.Questions).HasMaxLength(4000);
        entity.Property(s => s.Status).HasConversion<WireNameConverter<SuggestionStatus>>().HasMaxLength(10);
        entity.Property(s => s.DecidedBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(s => s.StatementKey).HasMaxLength(InputRules.MaxRecordKey);
        entity.HasIndex(s => s.Key).IsUnique().HasDatabaseName("IX_Suggestions_Key");
        entity.HasIndex(s => new { s.DocumentId, s.Fingerprint }).IsUnique().HasDatabaseName("IX_Suggestions_Document_Fingerprint");
        entity.HasIndex(s => new { s.DocumentId, s.Status, s.Start }).HasDatabaseName("IX_Suggestions_Document_Status_Start");
        entity.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(s => s.Actor).WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
