using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Data;

/// <summary>The one context and migration history for the corpus, the user accounts and the Data Protection keys.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<RoleTenure> RoleTenures => Set<RoleTenure>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Bloc> Blocs => Set<Bloc>();
    public DbSet<BlocMembership> BlocMemberships => Set<BlocMembership>();
    public DbSet<Outlet> Outlets => Set<Outlet>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementRelation> StatementRelations => Set<StatementRelation>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Coder> Coders => Set<Coder>();
    public DbSet<Coding> Codings => Set<Coding>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    /// <summary>
    /// The keys that protect sign-in cookies, antiforgery and bearer tokens, shared by every app node over this
    /// database, so a token one node makes another accepts (docs/scale-out.md).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the current change is made by, stamped on what analysts edit.</summary>
    public string? ChangedBy { get; set; }

    /// <summary>
    /// Set by the write services for changes a user makes: each created, updated, deleted or restored record then gets
    /// an audit row in the same SaveChanges, so the change and its audit commit or fail together. The seed loader
    /// leaves it off: loading a corpus is not a user's edit.
    /// </summary>
    public bool AuditChanges { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<ActorKind>().HaveConversion<WireNameConverter<ActorKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<OfficeKind>().HaveConversion<WireNameConverter<OfficeKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<StatementKind>().HaveConversion<WireNameConverter<StatementKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<RelationType>().HaveConversion<WireNameConverter<RelationType>>().HaveMaxLength(20);
        configurationBuilder.Properties<MeetingKind>().HaveConversion<WireNameConverter<MeetingKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<WireNameConverter<DatePrecision>>().HaveMaxLength(5);
        configurationBuilder.Properties<SourceGrade>().HaveConversion<string>().HaveMaxLength(1);
        // Credibility is stored as its Admiralty digit, so ordering and filtering read naturally.
        configurationBuilder.Properties<Credibility>().HaveConversion<int>();
        // PostgreSQL compares and sorts text by the database's locale unless told otherwise; "C" is byte order, as
        // SQLite's BINARY: lists sort and keys compare the same on both providers, whatever locale the cluster has.
        if (Database.IsNpgsql()) configurationBuilder.Properties<string>().UseCollation("C");
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEdits();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEdits();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampEdits()
    {
        var now = Clock.GetUtcNow();
        var audit = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries<EditableRecord>().ToList())
        {
            if (AuditChanges && Audit.AuditTrail.Describe(entry, ChangedBy ?? "unknown", now) is { } row) audit.Add(row);
            switch (entry.State)
            {
                case EntityState.Added:
                    StampAdded(entry.Entity, now);
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy = ChangedBy;
                    entry.Entity.Version++;
                    break;
            }
        }
        AuditEntries.AddRange(audit);
    }

    /// <summary>A new record's audit columns, as every write path (SaveChanges and the bulk insert) sets them.</summary>
    internal void StampAdded(EditableRecord record, DateTimeOffset now)
    {
        record.CreatedAt = record.UpdatedAt = now;
        record.CreatedBy = record.UpdatedBy = ChangedBy;
        record.Version = 1;
    }
}
