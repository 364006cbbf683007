using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Stances;

public sealed record ActorStance(ActorRef Actor, Stance Stance);

/// <summary>An actor's band change on a question. Shifts found for a whole question carry no meetings (see <see cref="StanceQueries.HistoryAsync"/>).</summary>
public sealed record ActorShift(ActorRef Actor, string Question, Shift Shift);

/// <summary>
/// Every actor's stance on one question at (asOf, knownAt), the shifts that led there (newest first), and the matrix
/// and coalitions they form.
/// </summary>
public sealed class QuestionStances(string question, DateOnly asOf, DateOnly knownAt, StanceLens lens, IReadOnlyList<ActorStance> stances, IReadOnlyList<ActorShift> shifts)
{
    private AgreementMatrix? matrix;
    private IReadOnlyList<Coalition>? coalitions;

    public string Question => question;
    public DateOnly AsOf => asOf;
    public DateOnly KnownAt => knownAt;
    public StanceLens Lens => lens;
    public IReadOnlyList<ActorStance> Stances => stances;
    public IReadOnlyList<ActorShift> Shifts => shifts;

    /// <summary>Built on first use: lists and the home page need the bands, not n² pairs.</summary>
    public AgreementMatrix Matrix => matrix ??= AgreementMatrix.ForQuestion(Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance));

    /// <summary>The matrix's coalitions without its cells, for pages that list sides but draw no matrix.</summary>
    public IReadOnlyList<Coalition> Coalitions => coalitions ??= matrix?.Coalitions ?? AgreementMatrix.CoalitionsOf(Stances.ToDictionary(s => s.Actor.Slug, s => s.Stance));

    /// <summary>The same question with only the given actors (in the same order), their shifts, and a matrix of theirs.</summary>
    public QuestionStances Only(IReadOnlyCollection<string> actors) => new(question, asOf, knownAt, lens,
        Stances.Where(s => actors.Contains(s.Actor.Slug)).ToList(), Shifts.Where(s => actors.Contains(s.Actor.Slug)).ToList());
}

/// <summary>
/// One point of an actor's line on a question: the stance right after a statement started or stopped counting (in
/// hindsight: the smoothed stance on a day with evidence), with its 95% interval under methodology 2.0.
/// </summary>
public sealed record StancePoint(PartialDate Date, double? Position, StanceBand Band, string StatementKey, StanceInterval? Interval = null);

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
    public async Task<QuestionStances?> ForQuestionAsync(string questionSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        IReadOnlyCollection<string>? actors, CancellationToken cancellationToken)
    {
        // Only the chosen actors' evidence is read: the cost follows what is shown. With a cache, a choice is kept
        // as its own entry, unless every actor's stances are at hand already: then it is a filter of those.
        if (cache is null) return await ComputeAsync(questionSlug, asOf, knownAt, lens, actors, cancellationToken);
        if (actors is null)
            return await cache.GetOrComputeAsync(questionSlug, asOf, knownAt, lens, token => ComputeAsync(questionSlug, asOf, knownAt, lens, null, token),
                (kept, change, token) => UpdatedAsync(kept, change, questionSlug, asOf, knownAt, lens, token), cancellationToken);
        if (cache.Find(questionSlug, asOf, knownAt, lens) is { } pending)
            return await pending.WaitAsync(cancellationToken) is { } all ? await WithMissingAsync(all.Only(actors), actors, cancellationToken) : null;
        return await cache.GetOrComputeAsync(questionSlug, asOf, knownAt, lens, string.Join(',', actors.Order(StringComparer.Ordinal)),
            token => ComputeAsync(questionSlug, asOf, knownAt, lens, actors, token), cancellationToken);
    }

    /// <summary>
    /// Every actor's stance and shifts, as <see cref="ForQuestionAsync"/> finds them but without each stance's weighted
    /// evidence (<see cref="Stance.Evidence"/> is empty; its arithmetic is the filter's last step): what the pages that
    /// show bands, positions, intervals and coalitions need. Under the default lens, with everything known now known
    /// at <paramref name="knownAt"/>, it is read off the question's <see cref="StanceHistory"/> (built once per corpus
    /// change with a cache), so a date nobody asked for before costs a search per actor; otherwise it is the replay.
    /// </summary>
    public async Task<QuestionStances?> OverviewAsync(string questionSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens, CancellationToken cancellationToken)
    {
        if (lens != StanceLens.Default) return await ForQuestionAsync(questionSlug, asOf, knownAt, lens, null, cancellationToken);
        if (await HistoryOfAsync(questionSlug, cancellationToken) is not { } history) return null;
        return history.Answers(knownAt) ? history.At(asOf, knownAt) : await ForQuestionAsync(questionSlug, asOf, knownAt, lens, null, cancellationToken);
    }

    /// <summary>
    /// An actor's stance on every question they have a record on, by question slug, as <see cref="ForActorAsync"/> finds
    /// them but without the weighted evidence: read off each question's history when <see cref="OverviewAsync"/> would
    /// be (the actor page's bands and sentences at any date), else <see cref="ForActorAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Stance>> ActorOverviewAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        CancellationToken cancellationToken)
    {
        if (lens != StanceLens.Default || await HistoriesAnsweringAsync(knownAt, cancellationToken) is not { } histories)
            return await ForActorAsync(actorSlug, asOf, knownAt, lens, cancellationToken);
        var stances = new Dictionary<string, Stance>(StringComparer.Ordinal);
        foreach (var history in histories)
            if (history.For(actorSlug, asOf, knownAt) is { } stance) stances[history.Question] = stance;
        return stances;
    }

    /// <summary>Every question's history, or null when one of them cannot answer for <paramref name="knownAt"/> (the caller replays).</summary>
    private async Task<List<StanceHistory>?> HistoriesAnsweringAsync(DateOnly knownAt, CancellationToken cancellationToken)
    {
        List<string> questions;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            questions = await db.Questions.AsNoTracking().OrderBy(q => q.Slug).Select(q => q.Slug).ToListAsync(cancellationToken);
        var histories = new List<StanceHistory>(questions.Count);
        foreach (var question in questions)
        {
            if (await HistoryOfAsync(question, cancellationToken) is not { } history) continue; // deleted since the list was read
            if (!history.Answers(knownAt)) return null;
            histories.Add(history);
        }
        return histories;
    }

    /// <summary>
    /// The question's history: the cache's (built once, then kept up to date write by write: see
    /// <see cref="RefreshHistoryAsync"/>), or without a cache built for this call.
    /// </summary>
    private async Task<StanceHistory?> HistoryOfAsync(string questionSlug, CancellationToken cancellationToken) => cache is null
        ? await BuildHistoryAsync(questionSlug, cancellationToken)
        : await cache.GetOrBuildHistoryAsync(questionSlug, token => BuildHistoryAsync(questionSlug, token),
            (history, change, token) => RefreshHistoryAsync(questionSlug, history, change, token), cancellationToken);

    /// <summary>The question's history over all its evidence, every date and everything known; null when there is no such question.</summary>
    private async Task<StanceHistory?> BuildHistoryAsync(string questionSlug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await QuestionIdAsync(db, questionSlug, cancellationToken);
        if (questionId is null) return null;
        var evidence = await LoadEvidenceAsync(db, db.Codings.Where(c => c.QuestionId == questionId), DateOnly.MaxValue, DateOnly.MaxValue, cancellationToken);
        var (byActor, statementId) = await LinesToWalkAsync(db, evidence, evidence.Select(e => e.ActorId).Distinct().ToList(), cancellationToken);
        return StanceHistory.Build(questionSlug, byActor, statementId);
    }

    /// <summary>
    /// <paramref name="history"/> after <paramref name="change"/>: the lines of the actors the change concerns walked
    /// again from their evidence now, the rest kept. A coding saved costs its actor's evidence on each question, read
    /// through the actor's index, instead of every question's whole evidence (seconds at a million statements).
    /// </summary>
    private async Task<StanceHistory?> RefreshHistoryAsync(string questionSlug, StanceHistory? history, CorpusChange change, CancellationToken cancellationToken)
    {
        if (history is null || change.Everything) return await BuildHistoryAsync(questionSlug, cancellationToken);
        if (!change.TouchesHistories) return history;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await QuestionIdAsync(db, questionSlug, cancellationToken);
        if (questionId is null) return null;
        var concerned = await ActorsConcernedAsync(change, cancellationToken);
        if (!concerned.TouchesQuestion(questionId.Value)) return history; // evidence on other questions alone
        var actors = concerned.Ids;
        var evidence = (await ConcernedEvidenceAsync(change, cancellationToken))[questionId.Value].ToList();
        var (byActor, statementId) = await LinesToWalkAsync(db, evidence, [.. actors], cancellationToken);
        return history.WithActors(actors.ToHashSet(), byActor, statementId);
    }

    /// <summary>
    /// The evidence the actors a change concerns have on every question it touches, everything known, by question id:
    /// read once for the histories, kept stances and actors' lines that each bring their question up to date after the
    /// change (one query through the actors' index instead of one per question, each joining the actor's statements to
    /// the question's codings), and let go a few seconds after the last of them.
    /// </summary>
    private Task<ILookup<int, LoadedEvidence>> ConcernedEvidenceAsync(CorpusChange change, CancellationToken cancellationToken)
    {
        async Task<ILookup<int, LoadedEvidence>> ReadAsync(CancellationToken token)
        {
            var concerned = await ActorsConcernedAsync(change, token);
            var actors = concerned.Ids;
            await using var db = await contexts.CreateDbContextAsync(token);
            var codings = db.Codings.Where(c => actors.Contains(c.Statement.ActorId));
            if (concerned.Questions is { } questions) codings = codings.Where(c => questions.Contains(c.QuestionId));
            var evidence = await LoadEvidenceAsync(db, codings, DateOnly.MaxValue, DateOnly.MaxValue, token);
            return evidence.ToLookup(e => e.QuestionId);
        }
        return cache is null
            ? ReadAsync(cancellationToken)
            : cache.GetOrShareBrieflyAsync((nameof(ConcernedEvidenceAsync), change.ToString()), TimeSpan.FromSeconds(10), ReadAsync, cancellationToken);
    }

    /// <summary>
    /// The actors a change concerns, by id and by key (deleted ones too), and the questions whose evidence it may have
    /// moved (null: every one). <see cref="Complete"/> is false when an actor it names is no longer on record at all,
    /// so its key is unknown.
    /// </summary>
    private sealed record ConcernedActors(IReadOnlyList<int> Ids, IReadOnlySet<string> Slugs, bool Complete, IReadOnlySet<int>? Questions)
    {
        public bool TouchesQuestion(int questionId) => Questions is null || Questions.Contains(questionId);
    }

    /// <summary>
    /// The actors whose evidence a change may have moved: those it names, the speakers of its statements, and the
    /// actors its statements retract or deny (their evidence reads the retraction's date, and counts a denial); and the
    /// questions it may have moved that evidence on: its codings' and, for edited statements or relations, every
    /// question those statements and the ones they point at are coded on. Worked out once per change until the next
    /// write: every history, kept stances and actor record brought up to date after it asks the same.
    /// </summary>
    private Task<ConcernedActors> ActorsConcernedAsync(CorpusChange change, CancellationToken cancellationToken)
    {
        async Task<ConcernedActors> ResolveAsync(CancellationToken token)
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            var statements = change.Statements.ToList();
            var speakers = await db.Statements.Where(s => statements.Contains(s.Id)).Select(s => s.ActorId).ToListAsync(token);
            var relations = await db.StatementRelations.Where(r => statements.Contains(r.FromStatementId))
                .Select(r => new { r.ToStatementId, r.ToStatement.ActorId }).ToListAsync(token);
            List<int> ids = [.. change.Actors.Concat(speakers).Concat(relations.Select(r => r.ActorId)).Distinct()];
            var slugs = await db.Actors.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).Select(a => a.Slug).ToListAsync(token);
            var questions = change.Questions?.ToHashSet();
            if (questions is not null && change.StatementsEdited)
            {
                List<int> coded = [.. statements.Concat(relations.Select(r => r.ToStatementId)).Distinct()];
                questions.UnionWith(await db.Codings.IgnoreQueryFilters().Where(c => coded.Contains(c.StatementId)).Select(c => c.QuestionId).Distinct().ToListAsync(token));
            }
            return new ConcernedActors(ids, slugs.ToHashSet(StringComparer.Ordinal), slugs.Count == ids.Count, questions);
        }
        return cache is null ? ResolveAsync(cancellationToken) : cache.GetOrComputeAnswerAsync((nameof(ConcernedActors), change.ToString()), ResolveAsync, cancellationToken);
    }

    /// <summary>The evidence grouped by actor as a history walks it (a deleted actor speaks no more), and each statement's id by key.</summary>
    private static async Task<(List<(int ActorId, ActorRef Actor, IReadOnlyList<EvidenceItem> Evidence)> ByActor, Func<string, int> StatementId)> LinesToWalkAsync(
        AppDbContext db, List<LoadedEvidence> evidence, List<int> actors, CancellationToken cancellationToken)
    {
        var actorRefs = await ActorRefsAsync(db, actors, cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in evidence) ids[row.Item.StatementKey] = row.StatementId;
        var byActor = evidence.GroupBy(e => e.ActorId).Where(g => actorRefs.ContainsKey(g.Key))
            .Select(g => (g.Key, actorRefs[g.Key], (IReadOnlyList<EvidenceItem>)g.Select(e => e.Item).ToList())).ToList();
        return (byActor, key => ids[key]);
    }

    /// <summary>The chosen actors without a record join the answer with a no-record stance, so every one asked for is there.</summary>
    private async Task<QuestionStances> WithMissingAsync(QuestionStances chosen, IReadOnlyCollection<string> actors, CancellationToken cancellationToken)
    {
        var missing = await MissingActorsAsync(actors, chosen.Stances.Select(s => s.Actor), cancellationToken);
        return missing.Count == 0 ? chosen : new QuestionStances(chosen.Question, chosen.AsOf, chosen.KnownAt, chosen.Lens,
            chosen.Stances.Concat(missing.Select(a => new ActorStance(a, Stance.NoRecord with { Method = chosen.Lens.Method }))).OrderBy(s => s.Actor.Name, StringComparer.Ordinal).ToList(),
            chosen.Shifts);
    }

    /// <summary>
    /// Every actor's stances on the question after <paramref name="change"/>: those of the actors it concerns (see
    /// <see cref="ActorsConcernedAsync"/>) computed again from their evidence now, the others' kept. An actor's stance
    /// and shifts rest on their own evidence alone.
    /// </summary>
    private async Task<QuestionStances?> UpdatedAsync(QuestionStances? kept, CorpusChange change, string questionSlug, DateOnly asOf, DateOnly knownAt,
        StanceLens lens, CancellationToken cancellationToken)
    {
        if (kept is null || change.Everything) return await ComputeAsync(questionSlug, asOf, knownAt, lens, null, cancellationToken);
        if (!change.TouchesHistories) return kept;
        // Deleted ones too: their stances leave.
        var concerned = await ActorsConcernedAsync(change, cancellationToken);
        var left = concerned.Slugs;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await QuestionIdAsync(db, questionSlug, cancellationToken);
        if (questionId is null) return null;
        if (!concerned.TouchesQuestion(questionId.Value)) return kept;
        var evidence = Readable((await ConcernedEvidenceAsync(change, cancellationToken))[questionId.Value], lens.ReadsUpTo(asOf), knownAt);
        var theirs = await StancesOfAsync(db, questionSlug, asOf, knownAt, lens, evidence, cancellationToken);
        return new QuestionStances(questionSlug, asOf, knownAt, lens,
            InListOrder(kept.Stances.Where(s => !left.Contains(s.Actor.Slug)).Concat(theirs.Stances)),
            InListOrder(kept.Shifts.Where(s => !left.Contains(s.Actor.Slug)).Concat(theirs.Shifts)));
    }

    /// <summary>A question's stances as they are listed: by name (then key, for namesakes).</summary>
    private static List<ActorStance> InListOrder(IEnumerable<ActorStance> stances) =>
        stances.OrderBy(s => s.Actor.Name, StringComparer.Ordinal).ThenBy(s => s.Actor.Slug, StringComparer.Ordinal).ToList();

    /// <summary>A question's shifts as they are listed: newest first, then by name (then key).</summary>
    private static List<ActorShift> InListOrder(IEnumerable<ActorShift> shifts) =>
        shifts.OrderByDescending(s => s.Shift.Date).ThenBy(s => s.Actor.Name, StringComparer.Ordinal).ThenBy(s => s.Actor.Slug, StringComparer.Ordinal).ToList();

    private async Task<QuestionStances?> ComputeAsync(string questionSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        IReadOnlyCollection<string>? actors, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questionId = await QuestionIdAsync(db, questionSlug, cancellationToken);
        if (questionId is null) return null;
        var codings = db.Codings.Where(c => c.QuestionId == questionId);
        if (actors is not null) codings = codings.Where(c => actors.Contains(c.Statement.Actor.Slug));
        var evidence = await LoadEvidenceAsync(db, codings, lens.ReadsUpTo(asOf), knownAt, cancellationToken);
        var found = await StancesOfAsync(db, questionSlug, asOf, knownAt, lens, evidence, cancellationToken);
        return actors is null ? found : await WithMissingAsync(found, actors, cancellationToken);
    }

    /// <summary>Each actor's stance and shifts from their evidence on the question.</summary>
    private static async Task<QuestionStances> StancesOfAsync(AppDbContext db, string questionSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        List<LoadedEvidence> evidence, CancellationToken cancellationToken)
    {
        var actorRefs = await ActorRefsAsync(db, evidence.Select(e => e.ActorId).Distinct().ToList(), cancellationToken);
        var stances = new List<ActorStance>();
        var shifts = new List<ActorShift>();
        foreach (var byActor in evidence.GroupBy(e => e.ActorId))
        {
            if (!actorRefs.TryGetValue(byActor.Key, out var actor)) continue; // a deleted actor speaks no more
            var (stance, actorShifts) = lens.ComputeWithShifts(byActor.Select(e => e.Item).ToList(), asOf, knownAt);
            stances.Add(new ActorStance(actor, stance));
            shifts.AddRange(actorShifts.Select(s => new ActorShift(actor, questionSlug, s)));
        }
        return new QuestionStances(questionSlug, asOf, knownAt, lens, InListOrder(stances), InListOrder(shifts));
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
    public async Task<IReadOnlyDictionary<string, Stance>> ForActorAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        CancellationToken cancellationToken)
    {
        var computed = await CachedForActorAsync(actorSlug, asOf, knownAt, lens, cancellationToken);
        if (computed is null)
        {
            var evidence = await ActorEvidenceAsync(actorSlug, lens.ReadsUpTo(asOf), knownAt, after: null, cancellationToken);
            computed = evidence.Select(p => (p.Key, lens.Compute(p.Value, asOf, knownAt))).ToList();
        }
        var stances = await WithTextsAsync(computed.Select(c => c.Stance).ToList(), cancellationToken);
        return computed.Select((c, i) => (c.Question, stances[i])).ToDictionary(p => p.Question, p => p.Item2);
    }

    /// <summary>The actor's stances read from the cached questions when every question is there, else null.</summary>
    private async Task<List<(string Question, Stance Stance)>?> CachedForActorAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        CancellationToken cancellationToken)
    {
        if (cache is null) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = new List<Task<QuestionStances?>>();
        foreach (var question in await db.Questions.AsNoTracking().Select(q => q.Slug).ToListAsync(cancellationToken))
        {
            if (cache.Find(question, asOf, knownAt, lens) is not { } found) return null;
            pending.Add(found);
        }
        var mine = new List<(string Question, Stance Stance)>();
        foreach (var found in await Task.WhenAll(pending).WaitAsync(cancellationToken))
            if (found?.Stances.FirstOrDefault(s => s.Actor.Slug == actorSlug) is { } stance) mine.Add((found.Question, stance.Stance));
        return mine;
    }

    /// <summary>
    /// The actors whose stances agree most with <paramref name="actorSlug"/>'s on <paramref name="questions"/> (the
    /// questions the actor has a record on), by <see cref="SimilarActors.Rank"/>. Each question's stances are the
    /// ones its page and matrix read (<see cref="OverviewAsync"/>): one history per question, none per actor.
    /// </summary>
    public async Task<IReadOnlyList<SimilarActor>> SimilarActorsAsync(string actorSlug, IReadOnlyCollection<string> questions, DateOnly asOf, DateOnly knownAt,
        StanceLens lens, int take, CancellationToken cancellationToken)
    {
        var byQuestion = new Dictionary<string, IReadOnlyList<ActorStance>>(StringComparer.Ordinal);
        foreach (var question in questions.Order(StringComparer.Ordinal))
        {
            if (await OverviewAsync(question, asOf, knownAt, lens, cancellationToken) is { } found) byQuestion[question] = found.Stances;
        }
        return SimilarActors.Rank(actorSlug, byQuestion, take);
    }

    /// <summary>
    /// An actor's line over time on each question (a point per change of evidence) and the shifts up to
    /// <paramref name="asOf"/>, as known at <paramref name="knownAt"/>. Under the default lens with everything known,
    /// read off the questions' histories (as <see cref="OverviewAsync"/>), with the keys of the statements behind the
    /// points read in one query; in hindsight, the actor's smoothed lines kept until the next write and cut at
    /// <paramref name="asOf"/>; otherwise a replay of the actor's evidence.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>> HistoryAsync(
        string actorSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens, CancellationToken cancellationToken)
    {
        if (lens == StanceLens.Default && await HistoryFromQuestionsAsync(actorSlug, asOf, knownAt, cancellationToken) is { } read) return read;
        if (lens.View != StanceView.Hindsight || cache is null) return await ReplayHistoryAsync(actorSlug, asOf, knownAt, lens, cancellationToken);
        // The smoothed lines do not depend on asOf: replayed once per actor until the next write, cut at each date asked.
        var whole = await cache.GetOrComputeForActorAsync(actorSlug, (lens, knownAt),
            token => ReplayHistoryAsync(actorSlug, DateOnly.MaxValue, knownAt, lens, token),
            (kept, change, token) => ReplayedAfterAsync(actorSlug, kept, change, knownAt, lens, token),
            (change, token) => ConcernsAsync(actorSlug, change, token), cancellationToken);
        return whole.ToDictionary(p => p.Key, p => ((IReadOnlyList<StancePoint>)p.Value.Line.TakeWhile(point => point.Date.Value <= asOf).ToList(), p.Value.Shifts));
    }

    /// <summary>
    /// The actor's whole lines in hindsight (<paramref name="kept"/>) after a change that concerns them, replayed from
    /// the evidence the questions' histories are brought up to date from (read once for all of them). When the change
    /// touched the evidence on some questions alone, only those questions' lines are replayed: the others rest on
    /// evidence the change left as it was. A change of meetings replays every line: each line's shifts name the meetings before them.
    /// </summary>
    private async Task<Dictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>> ReplayedAfterAsync(string actorSlug,
        Dictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)> kept, CorpusChange change, DateOnly knownAt, StanceLens lens,
        CancellationToken cancellationToken)
    {
        if (change.Meetings) return await ReplayHistoryAsync(actorSlug, DateOnly.MaxValue, knownAt, lens, cancellationToken);
        var replayed = await ReplayHistoryAsync(actorSlug, DateOnly.MaxValue, knownAt, lens, cancellationToken, after: change);
        if ((await ActorsConcernedAsync(change, cancellationToken)).Questions is not { } questions) return replayed;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var touched = (await db.Questions.Where(q => questions.Contains(q.Id)).Select(q => q.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (question, lines) in kept)
            if (!touched.Contains(question)) replayed.TryAdd(question, lines);
        return replayed;
    }

    /// <summary>
    /// Computes ahead what an actor's page reads beside the questions' histories, with everything known at
    /// <paramref name="knownAt"/>: the statement keys and meetings of the actor's lines and the hindsight lines (the
    /// smoother's replay, seconds for a busy actor). Kept until the next write, like the rest of the cache.
    /// </summary>
    public async Task WarmActorAsync(string actorSlug, DateOnly knownAt, CancellationToken cancellationToken)
    {
        _ = await HistoryAsync(actorSlug, knownAt, knownAt, StanceLens.Default, cancellationToken);
        _ = await HistoryAsync(actorSlug, knownAt, knownAt, HindsightLens, cancellationToken);
    }

    /// <summary>Whether the cache holds what <see cref="WarmActorAsync"/> computes for the actor.</summary>
    public bool IsActorWarm(string actorSlug, DateOnly knownAt) =>
        cache is not null && cache.HoldsForActor(actorSlug, nameof(LineRecord)) && cache.HoldsForActor(actorSlug, (HindsightLens, knownAt));

    /// <summary>The lens of the actor page's second line: methodology 2.0 in hindsight.</summary>
    private static readonly StanceLens HindsightLens = StanceLens.Default with { View = StanceView.Hindsight };

    /// <summary>The actor's lines read off every question's history, or null when one of them cannot answer for <paramref name="knownAt"/> (or the corpus moved meanwhile).</summary>
    private async Task<Dictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>?> HistoryFromQuestionsAsync(
        string actorSlug, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        if (await HistoriesAnsweringAsync(knownAt, cancellationToken) is not { } histories) return null;
        var lines = new List<(string Question, IReadOnlyList<(PartialDate Date, double? Position, StanceBand Band, int StatementId, StanceInterval? Interval)> Line, IReadOnlyList<Shift> Shifts)>();
        foreach (var history in histories)
            if (history.LineOf(actorSlug, asOf, knownAt) is { } found) lines.Add((history.Question, found.Line, found.Shifts));
        if (lines.Count == 0) return [];
        var record = await LineRecordAsync(actorSlug, cancellationToken);
        // A write between the history and this read (a statement given to another actor) is left to the replay.
        if (!lines.All(l => l.Line.All(p => record.Keys.ContainsKey(p.StatementId)))) return null;
        return lines.ToDictionary(l => l.Question, l => (
            (IReadOnlyList<StancePoint>)l.Line.Select(p => new StancePoint(p.Date, p.Position, p.Band, record.Keys[p.StatementId], p.Interval)).ToList(),
            (IReadOnlyList<Shift>)l.Shifts.Select(s => ShiftFinder.WithMeetings(s, record.Attendance, actorSlug)).ToList()));
    }

    /// <summary>What an actor's lines read off the histories name: each statement's key by id, and the meetings before the shifts.</summary>
    private sealed record LineRecord(Dictionary<int, string> Keys, IReadOnlyList<MeetingAttendance> Attendance);

    /// <summary>The actor's <see cref="LineRecord"/>, read once per actor until the next write (no date changes it).</summary>
    private Task<LineRecord> LineRecordAsync(string actorSlug, CancellationToken cancellationToken)
    {
        async Task<LineRecord> ReadAsync(CancellationToken token)
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            // Every statement's key through the actor-and-date index, rather than by id: a busy actor's line names more
            // statements than a command may carry parameters (SQLite: 32,766).
            var keys = await db.Statements.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Actor.Slug == actorSlug).Select(s => new { s.Id, s.Key }) // the index's columns only
                .ToDictionaryAsync(s => s.Id, s => s.Key, token);
            return new LineRecord(keys, await AttendanceAsync(actorSlug, token));
        }
        // Statements edited (no actor): their keys are read again by id, kept or let go by whose they are now, rather
        // than every key of a busy actor's (78k at 1M); the meetings only when they changed.
        async Task<LineRecord> UpdateAsync(LineRecord kept, CorpusChange change, CancellationToken token)
        {
            if (change.Questions is null) return await ReadAsync(token);
            var keys = kept.Keys;
            if (change.StatementsEdited)
            {
                await using var db = await contexts.CreateDbContextAsync(token);
                var ids = change.Statements.ToList();
                var edited = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id))
                    .Select(s => new { s.Id, s.Key, Actor = s.Actor.Slug }).ToListAsync(token);
                keys = new Dictionary<int, string>(kept.Keys);
                foreach (var statement in edited)
                    if (statement.Actor == actorSlug) keys[statement.Id] = statement.Key;
                    else keys.Remove(statement.Id);
            }
            return new LineRecord(keys, change.Meetings ? await AttendanceAsync(actorSlug, token) : kept.Attendance);
        }
        return cache is null
            ? ReadAsync(cancellationToken)
            : cache.GetOrComputeForActorAsync(actorSlug, nameof(LineRecord), ReadAsync, UpdateAsync, async (change, token) =>
                // Codings alone leave the actor's statements and meetings as they were.
                (change.Questions is null || change.StatementsEdited || change.Meetings) && await ConcernsAsync(actorSlug, change, token), cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="change"/> may have moved what the actor's page reads beside the histories: their
    /// evidence (as <see cref="ActorsConcernedAsync"/> finds) or the meetings they attended (any meeting's change).
    /// </summary>
    private async Task<bool> ConcernsAsync(string actorSlug, CorpusChange change, CancellationToken cancellationToken)
    {
        if (change.Everything || change.Meetings) return true;
        if (!change.TouchesHistories) return false;
        var concerned = await ActorsConcernedAsync(change, cancellationToken);
        // An actor gone from the record without a key to match: every page is taken as concerned.
        return !concerned.Complete || concerned.Slugs.Contains(actorSlug);
    }

    /// <summary>
    /// The actor's lines replayed from their evidence: the line and the shifts stop at <paramref name="asOf"/>. Given
    /// the change that concerned the actor (<paramref name="after"/>), the evidence is the one read for that change.
    /// </summary>
    internal async Task<Dictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)>> ReplayHistoryAsync(
        string actorSlug, DateOnly asOf, DateOnly knownAt, StanceLens lens, CancellationToken cancellationToken, CorpusChange? after = null)
    {
        var evidence = await ActorEvidenceAsync(actorSlug, lens.ReadsUpTo(asOf), knownAt, after, cancellationToken);
        var attendance = await AttendanceAsync(actorSlug, cancellationToken);
        return evidence.ToDictionary(p => p.Key, p =>
        {
            // One replay for both. In hindsight the line is the smoother's over everything known, and its shifts too.
            var timeline = lens.Line(p.Value, knownAt, until: lens.View == StanceView.Hindsight ? null : asOf);
            var line = timeline.TakeWhile(point => point.Date.Value <= asOf)
                .Select(point => new StancePoint(point.Date, point.Position, point.Band, point.Cause.StatementKey, point.Interval))
                .ToList();
            return ((IReadOnlyList<StancePoint>)line, ShiftFinder.FromTimeline(timeline, attendance, actorSlug));
        });
    }

    /// <summary>The meetings the actor took part in, for the shifts' "meetings before".</summary>
    private async Task<IReadOnlyList<MeetingAttendance>> AttendanceAsync(string actorSlug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Slug == actorSlug))
            .Select(m => new { m.Key, m.Title, m.Date, m.DatePrecision, Participants = m.Participants.Select(p => p.Slug).ToList() })
            .ToListAsync(cancellationToken);
        return meetings.Select(m => new MeetingAttendance(m.Key, m.Title, new PartialDate(m.Date, m.DatePrecision), m.Participants)).ToList();
    }

    private async Task<Dictionary<string, List<EvidenceItem>>> ActorEvidenceAsync(string actorSlug, DateOnly asOf, DateOnly knownAt, CorpusChange? after,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actorId = await db.Actors.Where(a => a.Slug == actorSlug).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (actorId is null) return [];
        var rows = after is null || !(await ActorsConcernedAsync(after, cancellationToken)).Ids.Contains(actorId.Value)
            ? await LoadEvidenceAsync(db, db.Codings.Where(c => c.Statement.ActorId == actorId), asOf, knownAt, cancellationToken)
            : Readable((await ConcernedEvidenceAsync(after, cancellationToken)).SelectMany(q => q).Where(e => e.ActorId == actorId), asOf, knownAt);
        var questions = await db.Questions.AsNoTracking().Select(q => new { q.Id, q.Slug }).ToDictionaryAsync(q => q.Id, q => q.Slug, cancellationToken);
        return rows.GroupBy(r => r.QuestionId).ToDictionary(g => questions[g.Key], g => g.Select(r => r.Item).ToList());
    }

    private sealed record LoadedEvidence(int ActorId, int QuestionId, int StatementId, EvidenceItem Item);

    /// <summary>The evidence <see cref="LoadEvidenceAsync"/> would read as of <paramref name="asOf"/> and known at <paramref name="knownAt"/>, out of what it read for every date.</summary>
    private static List<LoadedEvidence> Readable(IEnumerable<LoadedEvidence> everything, DateOnly asOf, DateOnly knownAt) =>
        everything.Where(e => e.Item.Date.Value <= asOf && e.Item.KnownOn <= knownAt).ToList();

    /// <summary>
    /// One item per statement and question from the given codings: the coders' mean position, the statement's
    /// maintained KnownFrom and SourceGrade, and the date it was retracted (if ever). Ids, not names, and no texts
    /// (see <see cref="WithTextsAsync"/>): a question at a million statements is a hundred thousand rows, and what each
    /// row carries is paid a hundred thousand times.
    /// </summary>
    private static async Task<List<LoadedEvidence>> LoadEvidenceAsync(AppDbContext db, IQueryable<Coding> codings, DateOnly asOf, DateOnly knownAt,
        CancellationToken cancellationToken)
    {
        var rows = await codings.AsNoTracking()
            .Where(c => c.Statement.Date <= asOf && (c.Statement.KnownFrom ?? c.Statement.Date) <= knownAt)
            .Select(c => new
            {
                c.StatementId, c.QuestionId, c.Position, c.Qualifier, c.Statement.ActorId, c.Statement.Key, c.Statement.Date, c.Statement.DatePrecision,
                c.Statement.KnownFrom, c.Statement.SourceGrade, c.Statement.Credibility, c.Statement.Kind,
                RetractedOn = db.StatementRelations.Where(r => r.ToStatementId == c.StatementId && r.Type == RelationType.Retracts)
                    .Select(r => (DateOnly?)r.FromStatement.Date).Min(),
                IsDenial = c.Statement.Relations.Any(r => r.Type == RelationType.Denies),
            })
            .ToListAsync(cancellationToken);
        // Several coders may read one statement: the statement counts once, at their mean position.
        return rows.GroupBy(r => (r.StatementId, r.QuestionId)).Select(g =>
        {
            var r = g.First();
            var position = g.Count() == 1 ? r.Position : g.Average(x => (double)x.Position);
            var coderVariance = g.Count() == 1 ? 0 : g.Average(x => (x.Position - position) * (x.Position - position));
            var qualifier = g.Select(x => x.Qualifier).FirstOrDefault(q => q is not null);
            return new LoadedEvidence(r.ActorId, r.QuestionId, r.StatementId, new EvidenceItem(
                r.Key, new PartialDate(r.Date, r.DatePrecision), r.KnownFrom, r.SourceGrade, r.Credibility, r.Kind, position,
                qualifier, null, null, r.RetractedOn, r.IsDenial, coderVariance));
        }).ToList();
    }

    /// <summary>The question's id, or null when there is no such question.</summary>
    private static Task<int?> QuestionIdAsync(AppDbContext db, string questionSlug, CancellationToken cancellationToken) =>
        db.Questions.Where(q => q.Slug == questionSlug).Select(q => (int?)q.Id).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Dictionary<int, ActorRef>> ActorRefsAsync(AppDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Slug, a.Name }).ToDictionaryAsync(a => a.Id, a => new ActorRef(a.Slug, a.Name), cancellationToken);

    private async Task<List<ActorRef>> MissingActorsAsync(IReadOnlyCollection<string> wanted, IEnumerable<ActorRef> found, CancellationToken cancellationToken)
    {
        var have = found.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(slug => !have.Contains(slug)).ToList();
        if (missing.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Actors.AsNoTracking().Where(a => missing.Contains(a.Slug)).Select(a => new ActorRef(a.Slug, a.Name)).ToListAsync(cancellationToken);
    }
}
