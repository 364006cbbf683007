using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Questions;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> entity)
    {
        entity.Property(t => t.Slug).HasMaxLength(InputRules.MaxSlug);
        entity.Property(t => t.Name).HasMaxLength(InputRules.MaxName);
        entity.Property(t => t.Version).IsConcurrencyToken();
        entity.HasIndex(t => t.Slug).IsUnique().HasDatabaseName("IX_Topics_Slug");
        entity.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> entity)
    {
        entity.Property(q => q.Slug).HasMaxLength(InputRules.MaxSlug);
        entity.Property(q => q.Title).HasMaxLength(InputRules.MaxTitle);
        entity.Property(q => q.MinusTwoMeans).HasMaxLength(InputRules.MaxMeaning);
        entity.Property(q => q.PlusTwoMeans).HasMaxLength(InputRules.MaxMeaning);
        entity.Property(q => q.Version).IsConcurrencyToken();
        entity.HasIndex(q => q.Slug).IsUnique().HasDatabaseName("IX_Questions_Slug");
        entity.HasOne(q => q.Topic).WithMany().HasForeignKey(q => q.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
