using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Stances;

public sealed record ActorRef(string Slug, string Name);

public sealed record ActorStance(ActorRef Actor, Stance Stance);

/// <summary>An actor's band change on a question. Shifts found for a whole question carry no meetings (see <see cref="StanceQueries.HistoryAsync"/>).</summary>
public sealed record ActorShift(ActorRef Actor, string Question, Shift Shift);

/// <summary>
/// Every actor's stance on one question at (asOf, knownAt), the shifts that led there (newest first), and the matrix
/// and coalitions they form.
/// </summary>
public sealed class QuestionStances(string question, DateOnly asOf, DateOnly knownAt, IReadOnlyList<ActorStance> stances, IReadOnlyList<ActorShift> shifts)
{
    private AgreementMatrix? matrix;
    private IReadOnlyList<Coalition>? coalitions;

    public string Question => question;
    public DateOnly AsOf => asOf;
    public DateOnly KnownAt => knownAt;
    public IReadOnlyList<ActorStance> Stances => stances;
    public IReadOnlyList<ActorShift> Shifts => shifts;

    /// <summary>Built on first use: lists and the home page need the bands, not n² pairs.</summary>
    public AgreementMatrix Matrix => matrix ??= AgreementMatrix.ForQuestion(Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance));

    /// <summary>The matrix's coalitions without its cells, for pages that list sides but draw no matrix.</summary>
    public IReadOnlyList<Coalition> Coalitions => coalitions ??= matrix?.Coalitions ?? AgreementMatrix.CoalitionsOf(Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance));

    public static string MethodologyVersion => AlliancePositions.Core.Stances.Methodology.Version;

    /// <summary>The same question with only the given actors (in the same order), their shifts, and a matrix of theirs.</summary>
    public QuestionStances Only(IReadOnlyCollection<string> actors) => new(question, asOf, knownAt,
        Stances.Where(s => actors.Contains(s.Actor.Slug)).ToList(), Shifts.Where(s => actors.Contains(s.Actor.Slug)).ToList());
}

/// <summary>One point of an actor's line on a question: the stance right after a statement started or stopped counting.</summary>
public sealed record StancePoint(PartialDate Date, double? Position, StanceBand Band, string StatementKey);

/// <summary>
/// Loads the evidence the stance engine needs, one question (or one actor) at a time, through the codings' question
/// index, and hands it to the pure calculators in this folder. Pages and API endpoints both call this. The evidence
/// is loaded lean (no texts); <see cref="WithTextsAsync"/> adds summaries and quotes to the items a caller shows.
/// With a <see cref="StanceCache"/> (the app registers one), a question's stances are computed once per corpus change.
/// </summary>
public sealed class StanceQueries(IDbContextFactory<AppDbContext> contexts, StanceCache? cache = null)
{
    /// <summary>
    /// Stances of every actor with a record on the question (or only <paramref name="actors"/>, with no-record
    /// stances for those without one), their shifts up to <paramref name="asOf"/>, and their matrix.
    /// </summary>
    public async Task<QuestionStances?> ForQuestionAsync(string questionSlug, DateOnly asOf, DateOnly knownAt,
        IReadOnlyCollection<string>? actors, CancellationToken cancellationToken)
    {
        // Without a cache, only the chosen actors' evidence is read: the cost follows what is shown. With one, the
        // whole question is computed once and every later choice of actors is a filter of it.
        var found = cache is not null
            ? await cache.GetOrComputeAsync(questionSlug, asOf, knownAt, token => ComputeAsync(questionSlug, asOf, knownAt, null, token), cancellationToken)
            : await ComputeAsync(questionSlug, asOf, knownAt, actors, cancellationToken);
        if (found is null || actors is null) return found;
        var chosen = found.Only(actors);
        var missing = await MissingActorsAsync(actors, chosen.Stances.Select(s => s.Actor), cancellationToken);
        return missing.Count == 0 ? chosen : new QuestionStances(questionSlug, asOf, knownAt,
            chosen.Stances.Concat(missing.Select(a => new ActorStance(a, Stance.NoRecord))).OrderBy(s => s.Actor.Name, StringComparer.Ordinal).ToList(),
            chosen.Shifts);
    }

    private async Task<QuestionStances?> ComputeAsync(string questionSlug, DateOnly asOf, DateOnly knownAt, IReadOnlyCollection<string>? actors,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await db.Questions.Where(q => q.Slug == questionSlug).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken);
        if (questionId is null) return null;
        var codings = db.Codings.Where(c => c.QuestionId == questionId);
        if (actors is not null) codings = codings.Where(c => actors.Contains(c.Statement.Actor.Slug));
        var evidence = await LoadEvidenceAsync(db, codings, asOf, knownAt, cancellationToken);
        var stances = new List<ActorStance>();
        var shifts = new List<ActorShift>();
        foreach (var actor in evidence.GroupBy(e => e.Actor))
        {
            var items = actor.Select(e => e.Item).ToList();
            stances.Add(new ActorStance(actor.Key, StanceCalculator.Compute(items, asOf, knownAt)));
            shifts.AddRange(ShiftFinder.Find(items, knownAt, [], actor.Key.Slug)
                .Where(s => s.Date.Value <= asOf).Select(s => new ActorShift(actor.Key, questionSlug, s)));
        }
        return new QuestionStances(questionSlug, asOf, knownAt,
            stances.OrderBy(s => s.Actor.Name, StringComparer.Ordinal).ToList(),
            shifts.OrderByDescending(s => s.Shift.Date).ThenBy(s => s.Actor.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The stances with the summary and first quote of each listed evidence item, read in one query for all of them:
    /// the stance engine itself never needs the texts, so they are loaded only for what a page or answer shows.
    /// </summary>
    public async Task<IReadOnlyList<Stance>> WithTextsAsync(IReadOnlyList<Stance> stances, CancellationToken cancellationToken)
    {
        var keys = stances.SelectMany(s => s.Evidence).Select(e => e.Item.StatementKey).Distinct().ToList();
        if (keys.Count == 0) return stances;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var texts = await db.Statements.AsNoTracking().Where(s => keys.Contains(s.Key))
            .Select(s => new { s.Key, s.Summary, Quote = s.Evidence.OrderBy(a => a.Start).Select(a => a.Exact).FirstOrDefault() })
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        return stances.Select(s => s with
        {
            Evidence = s.Evidence.Select(e => texts.TryGetValue(e.Item.StatementKey, out var text)
                ? e with { Item = e.Item with { Summary = text.Summary, Quote = text.Quote } }
                : e).ToList(),
        }).ToList();
    }

    /// <summary>An actor's stance on every question they have a record on, by question slug.</summary>
    public async Task<IReadOnlyDictionary<string, Stance>> ForActorAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        var evidence = await ActorEvidenceAsync(actorSlug, asOf, knownAt, cancellationToken);
        var questions = evidence.Keys.ToList();
        var stances = await WithTextsAsync(questions.Select(q => StanceCalculator.Compute(evidence[q], asOf, knownAt)).ToList(), cancellationToken);
        return questions.Select((q, i) => (q, stances[i])).ToDictionary(p => p.q, p => p.Item2);
    }

    /// <summary>An actor's line over time on each question (a point per change of evidence) and the shifts, as known at <paramref name="knownAt"/>.</summary>
    public async Task<IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>> HistoryAsync(
        string actorSlug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        var evidence = await ActorEvidenceAsync(actorSlug, asOf, knownAt, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Slug == actorSlug))
            .Select(m => new { m.Key, m.Title, m.Date, m.DatePrecision, Participants = m.Participants.Select(p => p.Slug).ToList() })
            .ToListAsync(cancellationToken);
        var attendance = meetings.Select(m => new MeetingAttendance(m.Key, m.Title, new PartialDate(m.Date, m.DatePrecision), m.Participants)).ToList();
        return evidence.ToDictionary(p => p.Key, p =>
        {
            var line = StanceTimeline.Walk(p.Value, knownAt, asOf)
                .Select(point => new StancePoint(point.Date, point.Position, point.Band, point.Cause.StatementKey))
                .ToList();
            return ((IReadOnlyList<StancePoint>)line, ShiftFinder.Find(p.Value.Where(e => e.Date.Value <= asOf).ToList(), knownAt, attendance, actorSlug));
        });
    }

    private async Task<Dictionary<string, List<EvidenceItem>>> ActorEvidenceAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actorId = await db.Actors.Where(a => a.Slug == actorSlug).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (actorId is null) return [];
        var rows = await LoadEvidenceAsync(db, db.Codings.Where(c => c.Statement.ActorId == actorId), asOf, knownAt, cancellationToken);
        return rows.GroupBy(r => r.Question).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToList());
    }

    private sealed record LoadedEvidence(ActorRef Actor, string Question, EvidenceItem Item);

    /// <summary>
    /// One item per statement and question from the given codings: the coders' mean position, the statement's
    /// maintained KnownFrom and SourceGrade, and the date it was retracted (if ever). No texts: see <see cref="WithTextsAsync"/>.
    /// </summary>
    private static async Task<List<LoadedEvidence>> LoadEvidenceAsync(AppDbContext db, IQueryable<Coding> codings, DateOnly asOf, DateOnly knownAt,
        CancellationToken cancellationToken)
    {
        var rows = await codings.AsNoTracking()
            .Where(c => c.Statement.Date <= asOf && (c.Statement.KnownFrom ?? c.Statement.Date) <= knownAt)
            .Select(c => new
            {
                Question = c.Question.Slug, c.Position, c.Qualifier,
                ActorSlug = c.Statement.Actor.Slug, ActorName = c.Statement.Actor.Name, c.Statement.Key, c.Statement.Date, c.Statement.DatePrecision,
                c.Statement.KnownFrom, c.Statement.SourceGrade, c.Statement.Credibility, c.Statement.Kind,
                RetractedOn = db.StatementRelations.Where(r => r.ToStatementId == c.StatementId && r.Type == RelationType.Retracts)
                    .Select(r => (DateOnly?)r.FromStatement.Date).Min(),
                IsDenial = c.Statement.Relations.Any(r => r.Type == RelationType.Denies),
            })
            .ToListAsync(cancellationToken);
        // Several coders may read one statement: the statement counts once, at their mean position.
        return rows.GroupBy(r => (r.Key, r.Question)).Select(g =>
        {
            var r = g.First();
            var qualifier = g.Select(x => x.Qualifier).FirstOrDefault(q => q is not null);
            return new LoadedEvidence(new ActorRef(r.ActorSlug, r.ActorName), r.Question, new EvidenceItem(
                r.Key, new PartialDate(r.Date, r.DatePrecision), r.KnownFrom, r.SourceGrade, r.Credibility, r.Kind, g.Average(x => (double)x.Position),
                qualifier, null, null, r.RetractedOn, r.IsDenial));
        }).ToList();
    }

    private async Task<List<ActorRef>> MissingActorsAsync(IReadOnlyCollection<string> wanted, IEnumerable<ActorRef> found, CancellationToken cancellationToken)
    {
        var have = found.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(slug => !have.Contains(slug)).ToList();
        if (missing.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Actors.AsNoTracking().Where(a => missing.Contains(a.Slug)).Select(a => new ActorRef(a.Slug, a.Name)).ToListAsync(cancellationToken);
    }
}
