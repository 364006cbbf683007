using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Stances;

internal sealed class CoderConfiguration : IEntityTypeConfiguration<Coder>
{
    public void Configure(EntityTypeBuilder<Coder> entity)
    {
        entity.Property(c => c.Key).HasMaxLength(InputRules.MaxSlug);
        entity.Property(c => c.DisplayName).HasMaxLength(InputRules.MaxName);
        entity.Property(c => c.UserId).HasMaxLength(InputRules.MaxUserId);
        entity.HasIndex(c => c.Key).IsUnique().HasDatabaseName("IX_Coders_Key");
        // One coder per user account: two first codings at once must not make the same analyst two coders. Coders
        // without an account (from a corpus file) have no UserId, and NULLs never collide in a unique index.
        entity.HasIndex(c => c.UserId).IsUnique().HasDatabaseName("IX_Coders_UserId");
    }
}

internal sealed class CodingConfiguration : IEntityTypeConfiguration<Coding>
{
    public void Configure(EntityTypeBuilder<Coding> entity)
    {
        entity.ConfigureEditable();
        entity.Property(c => c.Qualifier).HasMaxLength(InputRules.MaxQualifier);
        entity.ToTable(t => t.HasCheckConstraint("CK_Codings_Position", "\"Position\" BETWEEN -2 AND 2"));
        // On PostgreSQL with the coding's reading, so the codings of an actor's statements are read off the index alone
        // (see the actor's index in StatementConfiguration).
        entity.HasIndex(c => new { c.StatementId, c.QuestionId, c.CoderId }).IsUnique()
            .IncludeProperties(c => new { c.Position, c.Qualifier, c.DeletedAt })
            .HasDatabaseName("IX_Codings_Statement_Question_Coder");
        // The stance engine reads one question's codings at a time.
        entity.HasIndex(c => new { c.QuestionId, c.StatementId }).HasDatabaseName("IX_Codings_Question_Statement");
        entity.HasOne(c => c.Statement).WithMany(s => s.Codings).HasForeignKey(c => c.StatementId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(c => c.Question).WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(c => c.Coder).WithMany().HasForeignKey(c => c.CoderId).OnDelete(DeleteBehavior.Restrict);
    }
}
