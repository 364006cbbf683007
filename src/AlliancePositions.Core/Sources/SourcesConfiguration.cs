using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Sources;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> entity)
    {
        entity.Property(o => o.Slug).HasMaxLength(InputRules.MaxSlug);
        entity.Property(o => o.Name).HasMaxLength(InputRules.MaxName);
        entity.HasIndex(o => o.Slug).IsUnique().HasDatabaseName("IX_Outlets_Slug");
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> entity)
    {
        entity.ConfigureEditable();
        entity.Property(d => d.Key).HasMaxLength(InputRules.MaxShortKey);
        entity.Property(d => d.Title).HasMaxLength(InputRules.MaxTitle);
        entity.Property(d => d.Url).HasMaxLength(InputRules.MaxUrl);
        entity.Property(d => d.Language).HasMaxLength(InputRules.MaxLanguage);
        entity.Property(d => d.Sha256).HasMaxLength(InputRules.Sha256Length);
        entity.Property(d => d.ReliabilityReason).HasMaxLength(InputRules.MaxReason);
        entity.HasIndex(d => d.Key).IsUnique().HasDatabaseName("IX_Documents_Key");
        entity.HasIndex(d => d.Sha256).IsUnique().HasDatabaseName("IX_Documents_Sha256");
        entity.HasIndex(d => d.PublishedOn).HasDatabaseName("IX_Documents_PublishedOn");
        // A fetched address that is stored already is a revision, not a new document: found by its address.
        entity.HasIndex(d => d.Url).HasDatabaseName("IX_Documents_Url");
        // Every document stored before revisions existed is revision 1, as is every new one.
        entity.Property(d => d.Revision).HasDefaultValue(1);
        entity.HasOne(d => d.Outlet).WithMany().HasForeignKey(d => d.OutletId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(d => d.CitedOutlets).WithMany().UsingEntity("DocumentCitations");
        entity.HasMany(d => d.Annotations).WithOne(a => a.Document).HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> entity)
    {
        entity.ConfigureEditable();
        entity.Property(a => a.Key).HasMaxLength(InputRules.MaxRecordKey);
        entity.Property(a => a.Exact).HasMaxLength(InputRules.MaxQuote);
        entity.Property(a => a.Prefix).HasMaxLength(DocumentText.ContextLength);
        entity.Property(a => a.Suffix).HasMaxLength(DocumentText.ContextLength);
        entity.Property(a => a.Note).HasMaxLength(InputRules.MaxNote);
        entity.Property(a => a.Translation).HasMaxLength(InputRules.MaxTranslation);
        entity.HasIndex(a => a.Key).IsUnique().HasDatabaseName("IX_Annotations_Key");
        entity.HasIndex(a => new { a.DocumentId, a.Start }).HasDatabaseName("IX_Annotations_Document_Start");
        // Annotations made before revisions existed are on revision 1, where they were made.
        entity.Property(a => a.Revision).HasDefaultValue(1);
        entity.Property(a => a.Anchor).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Ingest.AnnotationAnchor.Original);
        // The orphans queue reads this index only.
        entity.HasIndex(a => a.Anchor).HasDatabaseName("IX_Annotations_Anchor");
    }
}
