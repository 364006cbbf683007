using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlliancePositions.Core.Actors;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> entity)
    {
        entity.ConfigureEditable();
        entity.Property(a => a.Slug).HasMaxLength(InputRules.MaxSlug);
        entity.Property(a => a.Name).HasMaxLength(InputRules.MaxName);
        entity.Property(a => a.CountryCode).HasMaxLength(InputRules.CountryCodeLength);
        entity.Property(a => a.Note).HasMaxLength(InputRules.MaxNote);
        entity.HasIndex(a => a.Slug).IsUnique().HasDatabaseName("IX_Actors_Slug");
        entity.HasIndex(a => a.Name).HasDatabaseName("IX_Actors_Name");
        entity.HasIndex(a => a.CountryCode).HasDatabaseName("IX_Actors_CountryCode");
        entity.HasMany(a => a.Roles).WithOne(r => r.Actor).HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleTenureConfiguration : IEntityTypeConfiguration<RoleTenure>
{
    public void Configure(EntityTypeBuilder<RoleTenure> entity)
    {
        entity.Property(r => r.Office).HasMaxLength(InputRules.MaxName);
        entity.Property(r => r.CountryCode).HasMaxLength(InputRules.CountryCodeLength);
        entity.Property(r => r.Organisation).HasMaxLength(InputRules.MaxName);
        entity.Property(r => r.Basis).HasMaxLength(500);
        entity.HasIndex(r => new { r.CountryCode, r.OfficeKind, r.From }).HasDatabaseName("IX_RoleTenures_Country_Office");
    }
}
