using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Actors;

/// <summary>A new actor, or the new values of an existing one (same fields; the slug never changes).</summary>
public sealed record CreateActorRequest(string Name, string Kind, string? Country = null, IReadOnlyList<string>? Aliases = null, string? Note = null);

/// <summary>An actor as it stands after a write, or as someone else left it when a stale save is refused.</summary>
public sealed record ActorVersion(string Slug, int Version, string Name, string Kind, string? Country, IReadOnlyList<string> Aliases, string? Note,
    string? UpdatedBy);

/// <summary>
/// Writes actors: a new actor gets a slug from its name (with a numeric suffix on a clash), and keeps it when renamed.
/// Updates check the version the user read; an actor that live statements or meetings still name cannot be deleted.
/// </summary>
public sealed class ActorService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<ActorService> logger)
{
    /// <summary>Two creates of the same name at once each get their own slug ("-2"), as one after the other would.</summary>
    public async Task<WriteResult<ActorSummary>> CreateAsync(CreateActorRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var errors = Check(request, out var kind);
        if (errors.Any) return WriteResult<ActorSummary>.Invalid(errors.ToDictionary());
        return await UniqueKeys.RetryOnClashAsync(() => InsertAsync(request, kind, editor, cancellationToken));
    }

    private async Task<WriteResult<ActorSummary>> InsertAsync(CreateActorRequest request, ActorKind kind, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stem = Slug.From(request.Name);
        var taken = await db.Actors.IgnoreQueryFilters().Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(cancellationToken);
        var actor = new Actor { Slug = Slug.Unique(request.Name, taken.Contains), Name = "" };
        Apply(actor, request, kind);
        db.Actors.Add(actor);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<ActorSummary>.Ok(new ActorSummary(actor.Slug, actor.Name, actor.Kind, actor.CountryCode));
    }

    public async Task<WriteResult<ActorVersion>> UpdateAsync(string slug, int expectedVersion, CreateActorRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (actor is null) return WriteResult<ActorVersion>.NotFound();
        if (actor.Version != expectedVersion) return Conflict(actor, editor);
        var errors = Check(request, out var kind);
        if (errors.Any) return WriteResult<ActorVersion>.Invalid(errors.ToDictionary());
        Apply(actor, request, kind);
        db.EditedBy(editor);
        if (!await db.SaveIfAtVersionAsync(actor, expectedVersion, cancellationToken))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict(await fresh.Actors.AsNoTracking().FirstAsync(a => a.Slug == slug, cancellationToken), editor);
        }
        return WriteResult<ActorVersion>.Ok(ToVersion(actor));
    }

    /// <summary>
    /// Soft-deletes the actor, but only once nothing live names it: hiding an actor would otherwise hide its statements
    /// (and so its stances) and thin out meetings without anyone having chosen that. Delete or reassign those first.
    /// </summary>
    public async Task<WriteResult<ActorVersion>> DeleteAsync(string slug, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (actor is null) return WriteResult<ActorVersion>.NotFound();
        var statements = await db.Statements.Where(s => s.ActorId == actor.Id).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.Where(m => m.Participants.Any(p => p.Id == actor.Id)).OrderBy(m => m.Key).Select(m => m.Key).ToListAsync(cancellationToken);
        if (statements.Count > 0 || meetings.Count > 0)
        {
            var uses = new List<string>();
            if (statements.Count > 0) uses.Add($"{statements.Count} statement{(statements.Count == 1 ? "" : "s")} ({RecordEdits.List(statements)})");
            if (meetings.Count > 0) uses.Add($"{meetings.Count} meeting{(meetings.Count == 1 ? "" : "s")} ({RecordEdits.List(meetings)})");
            return WriteResult<ActorVersion>.InUse($"{actor.Name} still has {string.Join(" and ", uses)}; delete or reassign them first.");
        }
        return await SetDeletedAsync(db, actor, deleted: true, editor, cancellationToken);
    }

    public async Task<WriteResult<ActorVersion>> RestoreAsync(string slug, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await db.Actors.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Slug == slug && a.DeletedAt != null, cancellationToken);
        if (actor is null) return WriteResult<ActorVersion>.NotFound();
        return await SetDeletedAsync(db, actor, deleted: false, editor, cancellationToken);
    }

    private async Task<WriteResult<ActorVersion>> SetDeletedAsync(AppDbContext db, Actor actor, bool deleted, Editor editor, CancellationToken cancellationToken)
    {
        if (!await db.SaveDeletedAsync(actor, deleted, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<ActorVersion>.NotFound();
        return WriteResult<ActorVersion>.Ok(ToVersion(actor));
    }

    private static FieldErrors Check(CreateActorRequest request, out ActorKind kind)
    {
        var errors = new FieldErrors();
        InputRules.Required(errors, "name", request.Name, InputRules.MaxName, "The name");
        if (!WireNames.TryParse(request.Kind, out kind))
            errors.Add("kind", $"\"{request.Kind}\" is not a kind of actor: use {string.Join(", ", WireNames.All<ActorKind>())}.");
        if (request.Country is { } c && (c.Length != 2 || !c.All(char.IsAsciiLetter)))
            errors.Add("country", $"\"{c}\" is not an ISO 3166 alpha-2 country code (two letters, e.g. FR).");
        foreach (var alias in request.Aliases ?? [])
            InputRules.Optional(errors, "aliases", alias, InputRules.MaxName, "An alias");
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        return errors;
    }

    private static void Apply(Actor actor, CreateActorRequest request, ActorKind kind)
    {
        actor.Name = request.Name.Trim();
        actor.Kind = kind;
        actor.CountryCode = request.Country?.ToUpperInvariant();
        actor.Aliases = request.Aliases?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList() ?? [];
        actor.Note = request.Note;
    }

    private WriteResult<ActorVersion> Conflict(Actor current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of actor {ActorSlug} by {User}: it is at version {Version}", current.Slug, editor.UserName, current.Version);
        return WriteResult<ActorVersion>.Conflict(ToVersion(current));
    }

    private static ActorVersion ToVersion(Actor a) => new(a.Slug, a.Version, a.Name, a.Kind.ToWire(), a.CountryCode, a.Aliases, a.Note, a.UpdatedBy);
}
