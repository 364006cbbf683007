using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Actors;

public sealed record CreateActorRequest(string Name, string Kind, string? Country = null, IReadOnlyList<string>? Aliases = null, string? Note = null);

/// <summary>Writes actors: a new actor gets a slug from its name (with a numeric suffix on a clash).</summary>
public sealed class ActorService(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<WriteResult<ActorSummary>> CreateAsync(CreateActorRequest request, Editor editor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Required(errors, "name", request.Name, InputRules.MaxName, "The name");
        if (!WireNames.TryParse<ActorKind>(request.Kind, out var kind))
            errors.Add("kind", $"\"{request.Kind}\" is not a kind of actor: use {string.Join(", ", WireNames.All<ActorKind>())}.");
        if (request.Country is { } c && (c.Length != 2 || !c.All(char.IsAsciiLetter)))
            errors.Add("country", $"\"{c}\" is not an ISO 3166 alpha-2 country code (two letters, e.g. FR).");
        InputRules.Optional(errors, "note", request.Note, InputRules.MaxNote, "The note");
        if (errors.Any) return WriteResult<ActorSummary>.Invalid(errors.ToDictionary());

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stem = Slug.From(request.Name);
        var taken = await db.Actors.IgnoreQueryFilters().Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(cancellationToken);
        var actor = new Actor
        {
            Slug = Slug.Unique(request.Name, taken.Contains), Name = request.Name.Trim(), Kind = kind, CountryCode = request.Country?.ToUpperInvariant(),
            Aliases = request.Aliases?.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList() ?? [], Note = request.Note,
        };
        db.Actors.Add(actor);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<ActorSummary>.Ok(new ActorSummary(actor.Slug, actor.Name, actor.Kind, actor.CountryCode));
    }
}
