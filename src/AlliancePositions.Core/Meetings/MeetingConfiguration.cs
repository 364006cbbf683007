using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    /// <summary>The join of meetings and the actors who took part (its name in the model and the table's).</summary>
    public const string Participants = "MeetingParticipants";

    public void Configure(EntityTypeBuilder<Meeting> entity)
    {
        entity.ConfigureEditable();
        entity.Property(m => m.Key).HasMaxLength(InputRules.MaxRecordKey);
        entity.Property(m => m.Title).HasMaxLength(InputRules.MaxTitle);
        entity.Property(m => m.Place).HasMaxLength(InputRules.MaxName);
        entity.Property(m => m.Note).HasMaxLength(InputRules.MaxNote);
        entity.Ignore(m => m.When);
        entity.HasIndex(m => m.Key).IsUnique().HasDatabaseName("IX_Meetings_Key");
        entity.HasIndex(m => m.Date).HasDatabaseName("IX_Meetings_Date");
        entity.HasMany(m => m.Participants).WithMany().UsingEntity(Participants);
        entity.HasMany(m => m.Topics).WithMany().UsingEntity("MeetingTopics");
        entity.HasMany(m => m.ReportedIn).WithMany().UsingEntity("MeetingReports");
    }
}
