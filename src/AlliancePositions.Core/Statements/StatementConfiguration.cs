using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Statements;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> entity)
    {
        entity.ConfigureEditable();
        entity.Property(s => s.Key).HasMaxLength(InputRules.MaxRecordKey);
        entity.Property(s => s.Summary).HasMaxLength(InputRules.MaxSummary);
        entity.Ignore(s => s.When);
        entity.Property(s => s.SearchText).HasMaxLength(100_000);
        entity.HasIndex(s => s.Key).IsUnique().HasDatabaseName("IX_Statements_Key");
        // An actor's statements newest first, in the timeline's and the statement list's order (Date descending, then
        // Key): a page is read off the index and stops there. DeletedAt and KnownFrom ride along so the soft-delete
        // filter, the knownAt filter and the (capped) count never visit the table rows, which lie scattered across the
        // file for an actor with a long history. On PostgreSQL the rest of a statement's evidence is included, so the
        // actor's evidence read after a write about them (StanceQueries.ConcernedEvidenceAsync) is an index-only scan:
        // for the busiest actor at 1M, 5-12 ms instead of 110-120 ms through the table (docs/performance.md, run 16).
        // SQLite has no INCLUDE and ignores it; its read through the table is fast enough.
        entity.HasIndex(s => new { s.ActorId, s.Date, s.Key, s.DeletedAt, s.KnownFrom })
            .IsDescending(false, true, false, false, false)
            .IncludeProperties(s => new { s.Id, s.DatePrecision, s.SourceGrade, s.Credibility, s.Kind })
            .HasDatabaseName("IX_Statements_Actor_Date_Key");
        entity.HasIndex(s => s.Date).HasDatabaseName("IX_Statements_Date");
        // The list filtered by kind, or filtered or sorted by grade, in its order (newest first within): a page is read
        // off the index and stops there, where without them a rare kind or the grade sort read every statement.
        entity.HasIndex(s => new { s.Kind, s.Date, s.Key }).IsDescending(false, true, false).HasDatabaseName("IX_Statements_Kind_Date");
        entity.HasIndex(s => new { s.Credibility, s.Date, s.Key }).IsDescending(false, true, false).HasDatabaseName("IX_Statements_Credibility_Date");
        entity.HasIndex(s => s.MeetingId).HasDatabaseName("IX_Statements_Meeting");
        entity.HasOne(s => s.Actor).WithMany().HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne(s => s.Meeting).WithMany(m => m.Statements).HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.SetNull);
        entity.HasMany(s => s.Topics).WithMany().UsingEntity("StatementTopics");
        entity.HasMany(s => s.Evidence).WithMany().UsingEntity("StatementEvidence");
        entity.HasMany(s => s.Relations).WithOne(r => r.FromStatement).HasForeignKey(r => r.FromStatementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatementRelationConfiguration : IEntityTypeConfiguration<StatementRelation>
{
    public void Configure(EntityTypeBuilder<StatementRelation> entity)
    {
        entity.HasOne(r => r.ToStatement).WithMany().HasForeignKey(r => r.ToStatementId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(r => r.ToStatementId).HasDatabaseName("IX_StatementRelations_To");
    }
}
