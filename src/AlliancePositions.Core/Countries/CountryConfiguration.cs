using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Countries;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> entity)
    {
        entity.Property(c => c.Code).HasMaxLength(InputRules.CountryCodeLength);
        entity.Property(c => c.Name).HasMaxLength(InputRules.MaxName);
        entity.Property(c => c.LeadingOfficeTitle).HasMaxLength(InputRules.MaxName);
        entity.HasIndex(c => c.Code).IsUnique().HasDatabaseName("IX_Countries_Code");
    }
}

internal sealed class BlocConfiguration : IEntityTypeConfiguration<Bloc>
{
    public void Configure(EntityTypeBuilder<Bloc> entity)
    {
        entity.Property(b => b.Slug).HasMaxLength(InputRules.MaxSlug);
        entity.Property(b => b.Name).HasMaxLength(InputRules.MaxName);
        entity.HasIndex(b => b.Slug).IsUnique().HasDatabaseName("IX_Blocs_Slug");
        entity.HasMany(b => b.Members).WithOne(m => m.Bloc).HasForeignKey(m => m.BlocId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlocMembershipConfiguration : IEntityTypeConfiguration<BlocMembership>
{
    public void Configure(EntityTypeBuilder<BlocMembership> entity)
    {
        entity.HasOne(m => m.Country).WithMany().HasForeignKey(m => m.CountryId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(m => new { m.BlocId, m.CountryId }).HasDatabaseName("IX_BlocMemberships_Bloc_Country");
    }
}
