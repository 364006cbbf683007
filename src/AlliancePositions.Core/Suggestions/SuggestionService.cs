using System.Text.Json;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Suggestions;

/// <summary>
/// Computes a document's suggestions and records the analyst's decisions. Recomputing is idempotent: it never touches
/// accepted or rejected suggestions, never proposes a passage already coded for the same actor, and replaces only what
/// is still pending. Accepting stores the annotation, the statement, its confirmed codings (and a new actor, when
/// asked) and the decision in one transaction; the suggestion's audit row names the statement it became.
/// </summary>
public sealed class SuggestionService(IDbContextFactory<AppDbContext> contexts, StatementService statements, TimeProvider clock,
    ILogger<SuggestionService> logger)
{
    /// <summary>The user name computed suggestions are stamped with (they are not an analyst's edit, so not audited).</summary>
    public const string Assistant = "assistant";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<SuggestionRow>?> ListAsync(string documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documentId = await db.Documents.Where(d => d.Key == documentKey).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return documentId is null ? null : await PendingAsync(db, documentId.Value, cancellationToken);
    }

    public Task<WriteResult<IReadOnlyList<SuggestionRow>>> ComputeAsync(string documentKey, CancellationToken cancellationToken) =>
        UniqueKeys.RetryOnClashAsync(() => ComputeOnceAsync(documentKey, cancellationToken));

    private async Task<WriteResult<IReadOnlyList<SuggestionRow>>> ComputeOnceAsync(string documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Where(d => d.Key == documentKey)
            .Select(d => new { d.Id, d.Text, d.PublishedOn, d.RetrievedOn, d.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (document is null) return WriteResult<IReadOnlyList<SuggestionRow>>.NotFound();
        var directory = await SuggestionDirectoryQueries.LoadAsync(db, cancellationToken);
        var published = document.PublishedOn ?? document.RetrievedOn ?? DateOnly.FromDateTime(document.CreatedAt.UtcDateTime);
        var proposed = new SuggestionEngine(directory).Suggest(document.Text, published);

        var coded = (await db.Statements.Where(s => s.Evidence.Any(a => a.DocumentId == document.Id))
            .Select(s => new { Actor = s.Actor.Slug, Spans = s.Evidence.Where(a => a.DocumentId == document.Id).Select(a => new { a.Start, a.End }).ToList() })
            .ToListAsync(cancellationToken)).SelectMany(s => s.Spans.Select(a => (s.Actor, a.Start, a.End))).ToList();
        var stored = await db.Suggestions.Where(s => s.DocumentId == document.Id).ToDictionaryAsync(s => s.Fingerprint, cancellationToken);
        var slugs = proposed.Select(p => p.ActorSlug).OfType<string>().Distinct().ToList();
        var actorIds = await db.Actors.Where(a => slugs.Contains(a.Slug)).ToDictionaryAsync(a => a.Slug, a => a.Id, cancellationToken);

        var kept = new HashSet<string>();
        foreach (var proposal in proposed)
        {
            if (coded.Any(c => c.Actor == proposal.ActorSlug && c.Start < proposal.Span.End && proposal.Span.Start < c.End)) continue;
            kept.Add(proposal.Fingerprint);
            if (stored.TryGetValue(proposal.Fingerprint, out var row) && row.Status != SuggestionStatus.Pending) continue;
            if (row is null) db.Suggestions.Add(row = new Suggestion { Key = ShortKey.New(), DocumentId = document.Id, Fingerprint = proposal.Fingerprint, Exact = "" });
            Fill(row, proposal, proposal.ActorSlug is null ? null : actorIds.GetValueOrDefault(proposal.ActorSlug));
        }
        db.Suggestions.RemoveRange(stored.Values.Where(s => s.Status == SuggestionStatus.Pending && !kept.Contains(s.Fingerprint)));
        db.ChangedBy = Assistant;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Computed {SuggestionCount} suggestions for document {Document}", kept.Count, documentKey);
        return WriteResult<IReadOnlyList<SuggestionRow>>.Ok(await PendingAsync(db, document.Id, cancellationToken));
    }

    private static void Fill(Suggestion row, SuggestedStatement proposal, int? actorId)
    {
        (row.Start, row.End, row.Exact) = (proposal.Span.Start, proposal.Span.End, proposal.Span.Exact);
        row.ActorId = actorId;
        (row.MentionStart, row.MentionEnd, row.MentionExact) = (proposal.SpeakerMention?.Start, proposal.SpeakerMention?.End, proposal.SpeakerMention?.Exact);
        (row.Kind, row.Date, row.DatePrecision, row.DateEvidence) = (proposal.Kind, proposal.Date.Value, proposal.Date.Precision, Clip(proposal.DateEvidence, 500));
        row.Questions = JsonSerializer.Serialize(proposal.Questions, Json);
        row.Confidence = proposal.Confidence;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static async Task<IReadOnlyList<SuggestionRow>> PendingAsync(AppDbContext db, int documentId, CancellationToken cancellationToken)
    {
        var rows = await db.Suggestions.AsNoTracking().Where(s => s.DocumentId == documentId && s.Status == SuggestionStatus.Pending)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new { s.Key, s.Start, s.End, s.Exact, Actor = s.Actor == null ? null : new SuggestedActor(s.Actor.Slug, s.Actor.Name),
                s.MentionStart, s.MentionEnd, s.MentionExact, s.Kind, s.Date, s.DatePrecision, s.DateEvidence, s.Questions, s.Confidence })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SuggestionRow(s.Key, s.Start, s.End, s.Exact, s.Actor,
            s.MentionExact is null ? null : new TextSpan(s.MentionStart!.Value, s.MentionEnd!.Value, s.MentionExact), s.Kind.ToWire(), s.Date,
            s.DatePrecision.ToWire(), s.DateEvidence, JsonSerializer.Deserialize<List<QuestionSuggestion>>(s.Questions, Json) ?? [], s.Confidence)).ToList();
    }

    /// <summary>
    /// The form's starting values for a passage the analyst selected: the assistant's reading of the whole text (so
    /// pronouns and dates told earlier resolve), taken from the proposal that overlaps the selection most; null when
    /// there is no such document. Without an overlapping proposal, only the questions ranked for the selection.
    /// </summary>
    public async Task<StatementPrefill?> PrefillAsync(string documentKey, int start, int end, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Where(d => d.Key == documentKey)
            .Select(d => new { d.Text, d.PublishedOn, d.RetrievedOn, d.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (document is null || start < 0 || end > document.Text.Length || start >= end) return null;
        var directory = await SuggestionDirectoryQueries.LoadAsync(db, cancellationToken);
        var published = document.PublishedOn ?? document.RetrievedOn ?? DateOnly.FromDateTime(document.CreatedAt.UtcDateTime);
        var engine = new SuggestionEngine(directory);
        var best = engine.Suggest(document.Text, published)
            .Select(s => (Suggestion: s, Overlap: Math.Min(end, s.Span.End) - Math.Max(start, s.Span.Start)))
            .Where(s => s.Overlap > 0).OrderByDescending(s => s.Overlap).ThenByDescending(s => s.Suggestion.Confidence).Select(s => s.Suggestion).FirstOrDefault();
        if (best is null)
            return new StatementPrefill(null, null, null, null, null, new QuestionRanker(directory).Rank(document.Text[start..end]));
        var actor = best.ActorSlug is null ? null
            : await db.Actors.Where(a => a.Slug == best.ActorSlug).Select(a => new SuggestedActor(a.Slug, a.Name)).FirstOrDefaultAsync(cancellationToken);
        return new StatementPrefill(actor, best.SpeakerMention?.Exact, best.Date, best.DateEvidence, best.Kind, best.Questions);
    }

    /// <summary>
    /// Accepts a pending suggestion with the analyst's changes: the statement's key, or field errors, not found, or a
    /// conflict carrying how it was already decided.
    /// </summary>
    public async Task<WriteResult<string>> AcceptAsync(string documentKey, string suggestionKey, AcceptSuggestionRequest? request, Editor editor,
        CancellationToken cancellationToken)
    {
        request ??= new AcceptSuggestionRequest();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var suggestion = await FindAsync(db, documentKey, suggestionKey, cancellationToken);
        if (suggestion is null) return WriteResult<string>.NotFound();
        if (suggestion.Status != SuggestionStatus.Pending) return WriteResult<string>.Conflict(Decision(suggestion));

        var errors = new FieldErrors();
        var codings = request.Codings ?? [];
        if (!InputRules.KeyCount(errors, "codings", codings.Count, "The codings")) codings = [];
        foreach (var (field, messages) in await statements.CheckCodingsAsync(codings, cancellationToken))
            foreach (var message in messages) errors.Add(field, message);
        var newActor = NewActor(suggestion, request, errors);
        var actor = newActor?.Slug ?? request.Actor ?? suggestion.Actor?.Slug;
        if (actor is null && !errors.Any)
            errors.Add("actor", $"No known actor matches “{suggestion.MentionExact}”: choose one, or create it from the mention.");
        if (errors.Any) return WriteResult<string>.Invalid(errors.ToDictionary());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EditedBy(editor);
        if (newActor is not null)
        {
            db.Actors.Add(newActor);
            await db.SaveChangesAsync(cancellationToken);
        }
        var (annotation, annotationErrors) = await DocumentService.BuildAnnotationAsync(db, documentKey,
            new CreateAnnotationRequest(suggestion.Start, suggestion.End, suggestion.Exact, Note: "Accepted from a suggestion"), cancellationToken);
        if (annotationErrors is null) return WriteResult<string>.NotFound();
        if (annotationErrors.Any) return WriteResult<string>.Invalid(annotationErrors.ToDictionary().ToDictionary(e => $"evidence.{e.Key}", e => e.Value));
        // Without topics of its own, the statement takes those of the questions the analyst coded.
        var questionSlugs = codings.Select(c => c.Question).ToList();
        var topics = request.Topics ?? await db.Questions.Where(q => questionSlugs.Contains(q.Slug)).Select(q => q.Topic.Slug).Distinct().ToListAsync(cancellationToken);
        var (statement, statementErrors) = await statements.StageWithNewEvidenceAsync(db, annotation!, StatementRequestFor(suggestion, request with { Topics = topics }, actor!),
            cancellationToken);
        if (statementErrors.Any) return WriteResult<string>.Invalid(statementErrors.ToDictionary());
        await AddCodingsAsync(db, statement, codings, editor, cancellationToken);

        suggestion.Status = SuggestionStatus.Accepted;
        (suggestion.DecidedBy, suggestion.DecidedAt, suggestion.StatementKey) = (editor.UserName, clock.GetUtcNow(), statement.Key);
        if (await SaveDecisionAsync(db, suggestion, cancellationToken) is { } conflict) return WriteResult<string>.Conflict(conflict);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{User} accepted suggestion {Suggestion} as statement {Statement}", editor.UserName, suggestion.Key, statement.Key);
        return WriteResult<string>.Ok(statement.Key);
    }

    public async Task<WriteResult<SuggestionDecision>> RejectAsync(string documentKey, string suggestionKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var suggestion = await FindAsync(db, documentKey, suggestionKey, cancellationToken);
        if (suggestion is null) return WriteResult<SuggestionDecision>.NotFound();
        if (suggestion.Status != SuggestionStatus.Pending) return WriteResult<SuggestionDecision>.Conflict(Decision(suggestion));
        suggestion.Status = SuggestionStatus.Rejected;
        (suggestion.DecidedBy, suggestion.DecidedAt) = (editor.UserName, clock.GetUtcNow());
        db.EditedBy(editor);
        if (await SaveDecisionAsync(db, suggestion, cancellationToken) is { } conflict) return WriteResult<SuggestionDecision>.Conflict(conflict);
        return WriteResult<SuggestionDecision>.Ok(Decision(suggestion));
    }

    /// <summary>
    /// Undoes a decision: a rejected suggestion is pending again; an accepted one too, and the statement it became is
    /// deleted (an Admin can still restore it), in one save.
    /// </summary>
    public async Task<WriteResult<SuggestionDecision>> ReopenAsync(string documentKey, string suggestionKey, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var suggestion = await FindAsync(db, documentKey, suggestionKey, cancellationToken);
        if (suggestion is null) return WriteResult<SuggestionDecision>.NotFound();
        if (suggestion.Status == SuggestionStatus.Pending) return WriteResult<SuggestionDecision>.Conflict(Decision(suggestion));
        if (suggestion.StatementKey is { } key && await db.Statements.FirstOrDefaultAsync(s => s.Key == key, cancellationToken) is { } statement)
            statement.MarkDeleted(true, editor, clock.GetUtcNow());
        suggestion.Status = SuggestionStatus.Pending;
        (suggestion.DecidedBy, suggestion.DecidedAt, suggestion.StatementKey) = (null, null, null);
        db.EditedBy(editor);
        if (await SaveDecisionAsync(db, suggestion, cancellationToken) is { } conflict) return WriteResult<SuggestionDecision>.Conflict(conflict);
        return WriteResult<SuggestionDecision>.Ok(Decision(suggestion));
    }

    private static Task<Suggestion?> FindAsync(AppDbContext db, string documentKey, string suggestionKey, CancellationToken cancellationToken) =>
        db.Suggestions.Include(s => s.Actor).FirstOrDefaultAsync(s => s.Key == suggestionKey && s.Document.Key == documentKey, cancellationToken);

    /// <summary>Saves; when another analyst decided the same suggestion first, their decision (nothing of ours is stored).</summary>
    private async Task<SuggestionDecision?> SaveDecisionAsync(AppDbContext db, Suggestion suggestion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return Decision(await fresh.Suggestions.AsNoTracking().FirstAsync(s => s.Id == suggestion.Id, cancellationToken));
        }
    }

    private static SuggestionDecision Decision(Suggestion s) => new(s.Key, s.Status.ToWire(), s.DecidedBy, s.DecidedAt, s.StatementKey);

    private static Actor? NewActor(Suggestion suggestion, AcceptSuggestionRequest request, FieldErrors errors)
    {
        if (!request.CreateActor) return null;
        if (request.Actor is not null) errors.Add("createActor", "Name a known actor or ask to create one from the mention, not both.");
        var name = (request.ActorName ?? suggestion.MentionExact)?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("actorName", "The suggestion names no speaker to create an actor from: give the actor's name.");
        else if (name.Length > InputRules.MaxName) errors.Add("actorName", $"The name is longer than {InputRules.MaxName} characters.");
        if (errors.Any) return null;
        var unnamed = suggestion.MentionExact is { } m && char.IsLower(m[0]);
        var display = unnamed ? char.ToUpperInvariant(name![0]) + name[1..] : name!;
        return new Actor
        {
            Slug = Slug.From(display) + "-" + ShortKey.New()[..4], Name = display, Kind = unnamed ? ActorKind.Unnamed : ActorKind.Person,
            Aliases = suggestion.MentionExact is { } alias && alias != display ? [alias] : [],
        };
    }

    private static StatementRequest StatementRequestFor(Suggestion suggestion, AcceptSuggestionRequest request, string actor) =>
        new(actor, request.Kind ?? suggestion.Kind.ToWire(), request.Date ?? suggestion.Date, request.DatePrecision ?? suggestion.DatePrecision.ToWire(),
            request.Summary ?? Clip(suggestion.Exact.Trim(), InputRules.MaxSummary), request.Topics ?? [], [],
            request.Credibility ?? (int)Credibility.CannotBeJudged);

    private static async Task AddCodingsAsync(AppDbContext db, Statement statement, IReadOnlyList<CodingRequest> codings, Editor editor,
        CancellationToken cancellationToken)
    {
        if (codings.Count == 0) return;
        var slugs = codings.Select(c => c.Question).ToList();
        var questions = await db.Questions.Where(q => slugs.Contains(q.Slug)).ToDictionaryAsync(q => q.Slug, cancellationToken);
        var coder = await StatementService.CoderForAsync(db, editor, cancellationToken);
        foreach (var coding in codings)
            db.Codings.Add(new Coding
            {
                Statement = statement, Question = questions[coding.Question], Coder = coder, Position = coding.Position,
                Qualifier = string.IsNullOrWhiteSpace(coding.Qualifier) ? null : coding.Qualifier.Trim(),
            });
    }
}
