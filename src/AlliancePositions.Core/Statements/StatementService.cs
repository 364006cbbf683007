using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Statements;

public sealed record RelationRequest(string Type, string Statement);

/// <summary>A new statement, or the new values of an existing one (same fields).</summary>
public sealed record StatementRequest(string Actor, string Kind, DateOnly Date, string DatePrecision, string Summary,
    IReadOnlyList<string> Topics, IReadOnlyList<string> AnnotationIds, int Credibility, string? Meeting = null, RelationRequest? Relation = null);

public sealed record CodingRequest(string Question, int Position, string? Qualifier = null);

/// <summary>The values of a statement as they stand, returned with a concurrency conflict so the user sees what changed.</summary>
public sealed record StatementVersion(string Key, int Version, string Summary, string Kind, string Date, string DatePrecision, int Credibility, string? UpdatedBy);

/// <summary>
/// Writes statements and their codings. Updates check the version the user read (optimistic concurrency): a stale
/// save is refused with the current values, writes no audit row, and is logged as a warning.
/// </summary>
public sealed class StatementService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<StatementService> logger)
{
    public async Task<WriteResult<string>> CreateAsync(StatementRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statement = new Statement { Key = ShortKey.New(), Summary = "" };
        var errors = await ApplyAsync(db, statement, request, cancellationToken);
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());
        db.Statements.Add(statement);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<string>.Ok(statement.Key);
    }

    /// <summary>
    /// A statement resting on a new annotation of the document's text: both are checked, then stored together in one
    /// save, or neither is. The annotation's errors are named "evidence.{field}".
    /// </summary>
    public async Task<WriteResult<string>> CreateWithNewEvidenceAsync(string documentKey, CreateAnnotationRequest evidence, StatementRequest request,
        Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (annotation, annotationErrors) = await DocumentService.BuildAnnotationAsync(db, documentKey, evidence, cancellationToken);
        if (annotationErrors is null) return WriteResult<string>.NotFound();
        var statement = new Statement { Key = ShortKey.New(), Summary = "" };
        var errors = await ApplyAsync(db, statement, request, cancellationToken, annotation);
        var all = errors.ToDictionary().Concat(annotationErrors.ToDictionary().Select(e => KeyValuePair.Create($"evidence.{e.Key}", e.Value))).ToDictionary();
        if (all.Count > 0) return WriteResult<string>.Invalid(all);
        db.Annotations.Add(annotation!);
        db.Statements.Add(statement);
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<string>.Ok(statement.Key);
    }

    /// <summary>
    /// A new statement on new evidence, checked and added to <paramref name="db"/> but not saved: for a write that stores
    /// it together with something else (an accepted suggestion) in one save.
    /// </summary>
    internal async Task<(Statement Statement, FieldErrors Errors)> StageWithNewEvidenceAsync(AppDbContext db, Annotation evidence, StatementRequest request,
        CancellationToken cancellationToken)
    {
        var statement = new Statement { Key = ShortKey.New(), Summary = "" };
        var errors = await ApplyAsync(db, statement, request, cancellationToken, evidence);
        if (!errors.Any)
        {
            db.Annotations.Add(evidence);
            db.Statements.Add(statement);
        }
        return (statement, errors);
    }

    public async Task<WriteResult<StatementVersion>> UpdateAsync(string key, int expectedVersion, StatementRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statement = await Tracked(db).FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (statement is null) return WriteResult<StatementVersion>.NotFound();
        if (statement.Version != expectedVersion) return Conflict(statement, editor);
        var errors = await ApplyAsync(db, statement, request, cancellationToken);
        if (errors.Any) return WriteResult<StatementVersion>.Invalid(errors.ToDictionary());
        db.EditedBy(editor);
        if (!await db.SaveIfAtVersionAsync(statement, expectedVersion, cancellationToken))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Conflict(await fresh.Statements.AsNoTracking().FirstAsync(s => s.Key == key, cancellationToken), editor);
        }
        return WriteResult<StatementVersion>.Ok(ToVersion(statement));
    }

    public Task<WriteResult<StatementVersion>> DeleteAsync(string key, Editor editor, CancellationToken cancellationToken) =>
        SetDeletedAsync(key, deleted: true, editor, cancellationToken);

    public Task<WriteResult<StatementVersion>> RestoreAsync(string key, Editor editor, CancellationToken cancellationToken) =>
        SetDeletedAsync(key, deleted: false, editor, cancellationToken);

    /// <summary>
    /// Codes the statement on a question for the editor's coder; a second coding by the same coder replaces the first,
    /// also when both arrive at once (and a new user's first codings at once make one coder, not a clash).
    /// </summary>
    public Task<WriteResult<string>> CodeAsync(string key, CodingRequest request, Editor editor, CancellationToken cancellationToken) =>
        UniqueKeys.RetryOnClashAsync(() => CodeOnceAsync(key, request, editor, cancellationToken), lastWriteWins: true);

    private async Task<WriteResult<string>> CodeOnceAsync(string key, CodingRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (statement is null) return WriteResult<string>.NotFound();
        var errors = new FieldErrors();
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Slug == request.Question, cancellationToken);
        if (question is null) errors.Add("question", $"No question has the key \"{request.Question}\".");
        if (request.Position is < Coding.MinPosition or > Coding.MaxPosition) errors.Add("position", $"The position {request.Position} is outside -2..+2.");
        InputRules.Optional(errors, "qualifier", request.Qualifier, InputRules.MaxQualifier, "The qualifier");
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());

        var coder = await CoderForAsync(db, editor, cancellationToken);
        // A deleted coding still holds its (statement, question, coder) slot: coding again brings it back with the new value.
        var coding = await db.Codings.IgnoreQueryFilters().Include(c => c.Coder).Include(c => c.Question).Include(c => c.Statement)
            .FirstOrDefaultAsync(c => c.StatementId == statement.Id && c.QuestionId == question!.Id && c.CoderId == coder.Id, cancellationToken);
        if (coding is null)
            db.Codings.Add(coding = new Coding { Statement = statement, Question = question!, Coder = coder });
        else if (coding.DeletedAt is not null)
            coding.MarkDeleted(deleted: false, editor, clock.GetUtcNow());
        coding.Position = request.Position;
        coding.Qualifier = string.IsNullOrWhiteSpace(request.Qualifier) ? null : request.Qualifier.Trim();
        db.EditedBy(editor);
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<string>.Ok(coding.AuditKey);
    }

    /// <summary>Deletes one coder's coding of the statement on a question (an Admin, or an undo, can restore it).</summary>
    public Task<WriteResult<string>> DeleteCodingAsync(string key, string question, string coder, Editor editor, CancellationToken cancellationToken) =>
        SetCodingDeletedAsync(key, question, coder, deleted: true, editor, cancellationToken);

    public Task<WriteResult<string>> RestoreCodingAsync(string key, string question, string coder, Editor editor, CancellationToken cancellationToken) =>
        SetCodingDeletedAsync(key, question, coder, deleted: false, editor, cancellationToken);

    private async Task<WriteResult<string>> SetCodingDeletedAsync(string key, string question, string coder, bool deleted, Editor editor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The statement must be live: a coding of a deleted statement comes back with the statement, not on its own.
        var statementId = await db.Statements.Where(s => s.Key == key).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (statementId is null) return WriteResult<string>.NotFound();
        var coding = await db.Codings.IgnoreQueryFilters().Include(c => c.Coder).Include(c => c.Question).Include(c => c.Statement)
            .FirstOrDefaultAsync(c => c.StatementId == statementId && c.Question.Slug == question && c.Coder.Key == coder && (c.DeletedAt != null) != deleted,
                cancellationToken);
        if (coding is null) return WriteResult<string>.NotFound();
        if (!await db.SaveDeletedAsync(coding, deleted, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<string>.NotFound();
        return WriteResult<string>.Ok(coding.AuditKey);
    }

    /// <summary>
    /// Checks codings before anything is written, so a form that creates a statement and codes it can refuse both
    /// rather than leave a statement without its codings. Errors are keyed <c>codings[i].question</c> / <c>.position</c>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckCodingsAsync(IReadOnlyList<CodingRequest> codings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slugs = codings.Select(c => c.Question).Distinct().ToList();
        var known = await db.Questions.Where(q => slugs.Contains(q.Slug)).Select(q => q.Slug).ToListAsync(cancellationToken);
        var errors = new FieldErrors();
        for (var i = 0; i < codings.Count; i++)
        {
            var coding = codings[i];
            if (!known.Contains(coding.Question)) errors.Add($"codings[{i}].question", $"No question has the key \"{coding.Question}\".");
            else if (codings.Take(i).Any(c => c.Question == coding.Question)) errors.Add($"codings[{i}].question", $"The question \"{coding.Question}\" is coded twice.");
            if (coding.Position is < Coding.MinPosition or > Coding.MaxPosition) errors.Add($"codings[{i}].position", $"The position {coding.Position} is outside -2..+2.");
            InputRules.Optional(errors, $"codings[{i}].qualifier", coding.Qualifier, InputRules.MaxQualifier, "The qualifier");
        }
        return errors.ToDictionary();
    }

    /// <summary>The editor's coder: linked to the user account, created on first use with a display name, never an email.</summary>
    internal static async Task<Coder> CoderForAsync(AppDbContext db, Editor editor, CancellationToken cancellationToken)
    {
        var coder = editor.CoderId is { } id
            ? await db.Coders.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await db.Coders.FirstOrDefaultAsync(c => c.UserId != null && c.UserId == editor.UserId, cancellationToken);
        if (coder is not null) return coder;
        var name = editor.UserName.Split('@')[0];
        var taken = await db.Coders.Select(c => c.Key).ToListAsync(cancellationToken);
        coder = new Coder { Key = Slug.Unique(name, taken.Contains), DisplayName = name, UserId = editor.UserId };
        db.Coders.Add(coder);
        return coder;
    }

    private async Task<WriteResult<StatementVersion>> SetDeletedAsync(string key, bool deleted, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statement = await db.Statements.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Key == key && (s.DeletedAt != null) != deleted, cancellationToken);
        if (statement is null) return WriteResult<StatementVersion>.NotFound();
        // An actor is only deleted once it has no live statements; restoring one under a deleted actor would hide it again.
        if (!deleted && !await db.Actors.AnyAsync(a => a.Id == statement.ActorId, cancellationToken))
            return WriteResult<StatementVersion>.InUse("The statement's actor is deleted; an Admin restores the actor first.");
        if (!await db.SaveDeletedAsync(statement, deleted, editor, clock.GetUtcNow(), cancellationToken)) return WriteResult<StatementVersion>.NotFound();
        return WriteResult<StatementVersion>.Ok(ToVersion(statement));
    }

    private async Task<FieldErrors> ApplyAsync(AppDbContext db, Statement statement, StatementRequest request, CancellationToken cancellationToken,
        Annotation? newEvidence = null)
    {
        var errors = new FieldErrors();
        // A JSON body may leave the lists out: read them as empty, so the rules below name what is missing.
        request = request with { Topics = request.Topics ?? [], AnnotationIds = request.AnnotationIds ?? [] };
        if (!InputRules.KeyCount(errors, "topics", request.Topics.Count, "The topics")) request = request with { Topics = [] };
        var evidenceCounted = InputRules.KeyCount(errors, "annotationIds", request.AnnotationIds.Count, "The annotations");
        if (!evidenceCounted) request = request with { AnnotationIds = [] };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        InputRules.Required(errors, "summary", request.Summary, InputRules.MaxSummary, "The summary");
        var when = InputRules.PartialDate(errors, "date", request.Date, request.DatePrecision, today);
        if (!WireNames.TryParse<StatementKind>(request.Kind, out var kind))
            errors.Add("kind", $"\"{request.Kind}\" is not a kind of statement: use {string.Join(", ", WireNames.All<StatementKind>())}.");
        if (request.Credibility is < 1 or > 6) errors.Add("credibility", $"Credibility {request.Credibility} is not an Admiralty grade 1-6.");
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Slug == request.Actor, cancellationToken);
        if (actor is null) errors.Add("actor", $"No actor has the key \"{request.Actor}\".");
        var topics = await db.Topics.Where(t => request.Topics.Contains(t.Slug)).ToListAsync(cancellationToken);
        foreach (var missing in request.Topics.Except(topics.Select(t => t.Slug))) errors.Add("topics", $"No topic has the key \"{missing}\".");
        var evidence = await db.Annotations.Include(a => a.Document).ThenInclude(d => d.Outlet).Where(a => request.AnnotationIds.Contains(a.Key)).ToListAsync(cancellationToken);
        if (newEvidence is not null) evidence.Add(newEvidence);
        if (evidenceCounted && request.AnnotationIds.Count == 0 && newEvidence is null) errors.Add("annotationIds", "A statement needs at least one annotation of a source as its evidence.");
        foreach (var missing in request.AnnotationIds.Except(evidence.Select(a => a.Key))) errors.Add("annotationIds", $"No annotation has the key \"{missing}\".");
        var meeting = request.Meeting is null ? null : await db.Meetings.FirstOrDefaultAsync(m => m.Key == request.Meeting, cancellationToken);
        if (request.Meeting is not null && meeting is null) errors.Add("meeting", $"No meeting has the key \"{request.Meeting}\".");
        Statement? related = null;
        if (request.Relation is { } relation)
        {
            if (!WireNames.TryParse<RelationType>(relation.Type, out _)) errors.Add("relation.type", $"\"{relation.Type}\" is not a relation: use {string.Join(", ", WireNames.All<RelationType>())}.");
            related = await db.Statements.FirstOrDefaultAsync(s => s.Key == relation.Statement, cancellationToken);
            if (related is null || related.Key == statement.Key) errors.Add("relation.statement", $"No other statement has the key \"{relation.Statement}\".");
        }
        if (errors.Any) return errors;

        statement.Actor = actor!;
        statement.Kind = kind;
        (statement.Date, statement.DatePrecision) = (when!.Value.Value, when.Value.Precision);
        statement.Summary = request.Summary.Trim();
        statement.Credibility = (Credibility)request.Credibility;
        statement.Meeting = meeting;
        statement.Topics = topics;
        statement.Evidence = evidence;
        if (related is not null && !statement.Relations.Any(r => r.ToStatementId == related.Id))
            statement.Relations.Add(new StatementRelation { Type = WireNames.TryParse<RelationType>(request.Relation!.Type, out var type) ? type : default, ToStatement = related });
        statement.SummariseEvidence();
        return errors;
    }

    private static IQueryable<Statement> Tracked(AppDbContext db) =>
        db.Statements.Include(s => s.Topics).Include(s => s.Evidence).ThenInclude(a => a.Document).ThenInclude(d => d.Outlet).Include(s => s.Relations);

    private WriteResult<StatementVersion> Conflict(Statement current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of statement {StatementKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<StatementVersion>.Conflict(ToVersion(current));
    }

    private static StatementVersion ToVersion(Statement s) =>
        new(s.Key, s.Version, s.Summary, s.Kind.ToWire(), s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            s.DatePrecision.ToWire(), (int)s.Credibility, s.UpdatedBy);
}
