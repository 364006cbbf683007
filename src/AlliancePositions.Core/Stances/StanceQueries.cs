using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Stances;

public sealed record ActorRef(string Slug, string Name);

public sealed record ActorStance(ActorRef Actor, Stance Stance);

/// <summary>Every actor's stance on one question at (asOf, knownAt), and the matrix and coalitions they form.</summary>
public sealed record QuestionStances(string Question, DateOnly AsOf, DateOnly KnownAt, IReadOnlyList<ActorStance> Stances, AgreementMatrix Matrix)
{
    public static string MethodologyVersion => AlliancePositions.Core.Stances.Methodology.Version;
}

/// <summary>One point of an actor's line on a question: the stance right after a statement started or stopped counting.</summary>
public sealed record StancePoint(PartialDate Date, double? Position, StanceBand Band, string StatementKey);

/// <summary>
/// Loads the evidence the stance engine needs, one question (or one actor) at a time, through the codings' question
/// index, and hands it to the pure calculators in this folder. Pages and API endpoints both call this.
/// </summary>
public sealed class StanceQueries(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Stances of every actor with a record on the question (or only <paramref name="actors"/>), and their matrix.</summary>
    public async Task<QuestionStances?> ForQuestionAsync(string questionSlug, DateOnly asOf, DateOnly knownAt,
        IReadOnlyCollection<string>? actors, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await db.Questions.Where(q => q.Slug == questionSlug).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken);
        if (questionId is null) return null;
        var codings = db.Codings.Where(c => c.QuestionId == questionId);
        // Only the chosen actors' evidence is read: the cost follows what is shown, not the size of the corpus.
        if (actors is not null) codings = codings.Where(c => actors.Contains(c.Statement.Actor.Slug));
        var evidence = await LoadEvidenceAsync(db, codings, asOf, knownAt, cancellationToken);
        var byActor = evidence.GroupBy(e => e.Actor).ToDictionary(g => g.Key, g => StanceCalculator.Compute(g.Select(e => e.Item).ToList(), asOf, knownAt));
        foreach (var missing in await MissingActorsAsync(db, actors, byActor.Keys, cancellationToken)) byActor[missing] = Stance.NoRecord;
        var selected = byActor.Where(p => actors is null || actors.Contains(p.Key.Slug)).OrderBy(p => p.Key.Name, StringComparer.Ordinal).ToList();
        var matrix = AgreementMatrix.ForQuestion(selected.ToDictionary(p => p.Key.Slug, p => p.Value));
        return new QuestionStances(questionSlug, asOf, knownAt, selected.Select(p => new ActorStance(p.Key, p.Value)).ToList(), matrix);
    }

    /// <summary>An actor's stance on every question they have a record on, by question slug.</summary>
    public async Task<IReadOnlyDictionary<string, Stance>> ForActorAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        var evidence = await ActorEvidenceAsync(actorSlug, asOf, knownAt, cancellationToken);
        return evidence.ToDictionary(p => p.Key, p => StanceCalculator.Compute(p.Value, asOf, knownAt));
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
    /// maintained KnownFrom and SourceGrade, its first quote, and the date it was retracted (if ever).
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
                c.Statement.KnownFrom, c.Statement.SourceGrade, c.Statement.Credibility, c.Statement.Kind, c.Statement.Summary,
                Quote = c.Statement.Evidence.OrderBy(a => a.Start).Select(a => a.Exact).FirstOrDefault(),
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
                qualifier, r.Quote, r.Summary, r.RetractedOn, r.IsDenial));
        }).ToList();
    }

    private static async Task<List<ActorRef>> MissingActorsAsync(AppDbContext db, IReadOnlyCollection<string>? wanted, IEnumerable<ActorRef> found,
        CancellationToken cancellationToken)
    {
        if (wanted is null) return [];
        var have = found.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(slug => !have.Contains(slug)).ToList();
        return missing.Count == 0 ? [] : await db.Actors.AsNoTracking().Where(a => missing.Contains(a.Slug)).Select(a => new ActorRef(a.Slug, a.Name)).ToListAsync(cancellationToken);
    }
}
