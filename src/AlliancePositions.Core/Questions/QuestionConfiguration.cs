using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Questions;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> entity)
    {
        entity.Property(t => t.Slug).HasMaxLength(100);
        entity.Property(t => t.Name).HasMaxLength(200);
        entity.Property(t => t.Version).IsConcurrencyToken();
        entity.HasIndex(t => t.Slug).IsUnique().HasDatabaseName("IX_Topics_Slug");
        entity.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> entity)
    {
        entity.Property(q => q.Slug).HasMaxLength(100);
        entity.Property(q => q.Title).HasMaxLength(500);
        entity.Property(q => q.MinusTwoMeans).HasMaxLength(500);
        entity.Property(q => q.PlusTwoMeans).HasMaxLength(500);
        entity.Property(q => q.Version).IsConcurrencyToken();
        entity.HasIndex(q => q.Slug).IsUnique().HasDatabaseName("IX_Questions_Slug");
        entity.HasOne(q => q.Topic).WithMany().HasForeignKey(q => q.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
