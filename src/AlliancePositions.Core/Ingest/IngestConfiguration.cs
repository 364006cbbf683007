using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Ingest;

internal sealed class DocumentRevisionConfiguration : IEntityTypeConfiguration<DocumentRevision>
{
    public void Configure(EntityTypeBuilder<DocumentRevision> entity)
    {
        entity.ToTable("DocumentRevisions");
        entity.Property(r => r.Sha256).HasMaxLength(InputRules.Sha256Length);
        entity.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique().HasDatabaseName("IX_DocumentRevisions_Document_Number");
        entity.HasIndex(r => r.Sha256).HasDatabaseName("IX_DocumentRevisions_Sha256");
    }
}

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> entity)
    {
        entity.ToTable("Feeds");
        entity.Property(f => f.Url).HasMaxLength(InputRules.MaxUrl);
        entity.Property(f => f.Title).HasMaxLength(InputRules.MaxTitle);
        entity.Property(f => f.CreatedBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(f => f.ETag).HasMaxLength(500);
        entity.Property(f => f.LastModified).HasMaxLength(100);
        entity.Property(f => f.LastError).HasMaxLength(2000);
        entity.HasOne(f => f.Outlet).WithMany().HasForeignKey(f => f.OutletId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(f => f.Url).IsUnique().HasDatabaseName("IX_Feeds_Url");
        entity.HasIndex(f => f.NextPollAt).HasDatabaseName("IX_Feeds_NextPollAt");
    }
}

internal sealed class FeedItemConfiguration : IEntityTypeConfiguration<FeedItem>
{
    public void Configure(EntityTypeBuilder<FeedItem> entity)
    {
        entity.ToTable("FeedItems");
        entity.Property(i => i.ItemKey).HasMaxLength(InputRules.MaxUrl);
        entity.Property(i => i.Link).HasMaxLength(InputRules.MaxUrl);
        entity.Property(i => i.ETag).HasMaxLength(500);
        entity.Property(i => i.LastModified).HasMaxLength(100);
        entity.HasOne(i => i.Feed).WithMany().HasForeignKey(i => i.FeedId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(i => i.Document).WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.SetNull);
        entity.HasIndex(i => new { i.FeedId, i.ItemKey }).IsUnique().HasDatabaseName("IX_FeedItems_Feed_ItemKey");
    }
}

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> entity)
    {
        entity.ToTable("InboxEntries");
        entity.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.ReadBy).HasMaxLength(InputRules.MaxUserName);
        entity.Property(e => e.DismissedBy).HasMaxLength(InputRules.MaxUserName);
        entity.HasOne(e => e.Document).WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Feed).WithMany().HasForeignKey(e => e.FeedId).OnDelete(DeleteBehavior.SetNull);
        // The inbox lists what is not dismissed, newest first.
        entity.HasIndex(e => new { e.DismissedAt, e.AddedAt }).HasDatabaseName("IX_InboxEntries_Dismissed_Added");
        entity.HasIndex(e => e.DocumentId).HasDatabaseName("IX_InboxEntries_Document");
    }
}

internal sealed class DocumentFingerprintConfiguration : IEntityTypeConfiguration<DocumentFingerprint>
{
    public void Configure(EntityTypeBuilder<DocumentFingerprint> entity)
    {
        entity.ToTable("DocumentFingerprints");
        entity.HasKey(f => f.DocumentId);
        entity.Property(f => f.Signature).HasMaxLength(Shingles.SignatureLength * 8);
        entity.HasOne(f => f.Document).WithOne().HasForeignKey<DocumentFingerprint>(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentShingleBandConfiguration : IEntityTypeConfiguration<DocumentShingleBand>
{
    public void Configure(EntityTypeBuilder<DocumentShingleBand> entity)
    {
        entity.ToTable("DocumentShingleBands");
        entity.HasOne(b => b.Document).WithMany().HasForeignKey(b => b.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(b => b.Hash).HasDatabaseName("IX_DocumentShingleBands_Hash");
        entity.HasIndex(b => b.DocumentId).HasDatabaseName("IX_DocumentShingleBands_Document");
    }
}

internal sealed class NearDuplicateConfiguration : IEntityTypeConfiguration<NearDuplicate>
{
    public void Configure(EntityTypeBuilder<NearDuplicate> entity)
    {
        entity.ToTable("NearDuplicates");
        entity.HasOne(n => n.Document).WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(n => n.OtherDocument).WithMany().HasForeignKey(n => n.OtherDocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(n => new { n.DocumentId, n.OtherDocumentId }).IsUnique().HasDatabaseName("IX_NearDuplicates_Document_Other");
        entity.HasIndex(n => n.OtherDocumentId).HasDatabaseName("IX_NearDuplicates_Other");
    }
}
