using System.Globalization;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// One question's methodology 2.0 filter, walked once over everything known and kept per actor as the filter's state
/// after each day with evidence. The stance as of any date is then the last state on or before it, carried forward by
/// the drift: a binary search per actor instead of a replay of the question's history (what made a date nobody had
/// asked for cost seconds at a million statements). The numbers are the replay's own, to the last digit: the filter
/// reads the same statements in the same order (the tests hold the two to each other).
/// </summary>
/// <remarks>
/// A stance read here lists no weighted evidence: each statement's weight in a mean depends on the date asked about
/// (a backward pass over the actor's whole record), so it is worked out only where a page shows it, through
/// <see cref="StanceQueries.ForQuestionAsync"/> for the actors concerned. The arithmetic shown is the filter's last
/// step, which anyone can redo from the numbers given. Knowledge (<c>knownAt</c>) earlier than the latest statement
/// became known changes which statements count at every date, so it takes the replay (<see cref="Answers"/>).
/// </remarks>
public sealed class StanceHistory
{
    /// <summary>
    /// The filter's state after one day of events and the statement that closed the day, 40 bytes (the date, its
    /// precision and the band packed): a question at a million statements keeps about as many.
    /// </summary>
    private readonly record struct DayState(DateOnly Day, byte Precision, byte BandValue, int StateDay, int Counting, int SinceIndex, int StatementId,
        double Mean, double Variance)
    {
        public PartialDate Date => new(Day, (DatePrecision)Precision);
        public StanceBand Band => (StanceBand)BandValue;
    }

    /// <summary>A statement with a qualifier, kept to list the qualifiers of those counting at a date.</summary>
    private readonly record struct Qualified(DateOnly Date, DateOnly? RetractedOn, string Qualifier);

    private sealed record ActorLine(int ActorId, ActorRef Actor, DateOnly First, DateOnly LatestKnown, DayState[] Days, IReadOnlyList<Shift> Shifts,
        Qualified[] Qualifiers);

    private readonly List<ActorLine> lines;
    private readonly Dictionary<string, ActorLine> bySlug;

    /// <summary>
    /// Every actor's shifts in the order a date's stances list them (newest first, then by name), sorted once: those up
    /// to a date are then the tail from the first dated by it, where a sort per date took most of a page's time.
    /// </summary>
    private readonly ActorShift[] shiftsNewestFirst;

    private StanceHistory(string question, List<ActorLine> lines)
    {
        lines.Sort((a, b) => string.CompareOrdinal(a.Actor.Name, b.Actor.Name));
        (Question, this.lines, bySlug) = (question, lines, lines.ToDictionary(l => l.Actor.Slug, StringComparer.Ordinal));
        LatestKnown = lines.Count == 0 ? DateOnly.MinValue : lines.Max(l => l.LatestKnown);
        shiftsNewestFirst = lines.SelectMany(line => line.Shifts.Select(shift => new ActorShift(line.Actor, question, shift)))
            .OrderByDescending(s => s.Shift.Date).ThenBy(s => s.Actor.Name, StringComparer.Ordinal).ToArray();
    }

    public string Question { get; }

    /// <summary>The day the last of the question's statements became known (<see cref="DateOnly.MinValue"/> with none).</summary>
    public DateOnly LatestKnown { get; }

    /// <summary>How many day states are kept, over every actor: what the history costs in memory (40 bytes each).</summary>
    public int DayCount => lines.Sum(l => l.Days.Length);

    /// <summary>Whether stances known at <paramref name="knownAt"/> can be read here: when everything known now was known by then.</summary>
    public bool Answers(DateOnly knownAt) => knownAt >= LatestKnown;

    private void EnsureAnswers(DateOnly knownAt)
    {
        if (!Answers(knownAt)) throw new ArgumentOutOfRangeException(nameof(knownAt), knownAt, $"Knowledge before {LatestKnown:yyyy-MM-dd} needs the replay.");
    }

    /// <summary>
    /// Walks each actor's evidence (everything known, every date) once. Actors are listed as the question's stances
    /// are: by name. <paramref name="statementId"/> gives a statement's id by key: a line names the statement behind
    /// each point by id, and the caller reads the keys of those it shows (a key per day would double the memory).
    /// </summary>
    public static StanceHistory Build(string question, IEnumerable<(int ActorId, ActorRef Actor, IReadOnlyList<EvidenceItem> Evidence)> evidenceByActor,
        Func<string, int> statementId) =>
        new(question, Walk(evidenceByActor, statementId).ToList());

    /// <summary>
    /// This history with the lines of <paramref name="actorIds"/> walked again from <paramref name="evidenceByActor"/>,
    /// their evidence now (as <see cref="Build"/> walks it), and every other line as it was: what a write that touched a
    /// few actors changes. An actor of <paramref name="actorIds"/> with no evidence now, or no longer on record, drops out.
    /// </summary>
    public StanceHistory WithActors(IReadOnlySet<int> actorIds, IEnumerable<(int ActorId, ActorRef Actor, IReadOnlyList<EvidenceItem> Evidence)> evidenceByActor,
        Func<string, int> statementId) =>
        new(Question, [.. lines.Where(line => !actorIds.Contains(line.ActorId)), .. Walk(evidenceByActor.Where(e => actorIds.Contains(e.ActorId)), statementId)]);

    private static IEnumerable<ActorLine> Walk(IEnumerable<(int ActorId, ActorRef Actor, IReadOnlyList<EvidenceItem> Evidence)> evidenceByActor,
        Func<string, int> statementId)
    {
        foreach (var (actorId, actor, evidence) in evidenceByActor)
        {
            if (evidence.Count == 0) continue;
            var timeline = LatentStanceCalculator.Walk(evidence, DateOnly.MaxValue, until: null).ToList();
            var days = new DayState[timeline.Count];
            var since = -1;
            for (var i = 0; i < timeline.Count; i++)
            {
                var point = timeline[i];
                if (point.BandChanged) since = i;
                var state = point.State ?? LatentStanceCalculator.Model.Prior;
                days[i] = new DayState(point.Date.Value, (byte)point.Date.Precision, (byte)point.Band, point.StateDay, point.State is null ? 0 : point.Counting,
                    since, statementId(point.Cause.StatementKey), state.Mean, state.Variance);
            }
            var chronological = evidence.ToList();
            chronological.Sort(EvidenceItem.Chronologically);
            var qualifiers = chronological.Where(e => e.Qualifier is { Length: > 0 }).Select(e => new Qualified(e.Date.Value, e.RetractedOn, e.Qualifier!)).ToArray();
            yield return new ActorLine(actorId, actor, chronological[0].Date.Value, evidence.Max(e => e.KnownOn), days,
                ShiftFinder.FromTimeline(timeline, [], ""), qualifiers);
        }
    }

    /// <summary>
    /// Every actor with a statement dated by <paramref name="asOf"/>, their stance then and the shifts up to it (newest
    /// first), as the replay at (asOf, knownAt) finds them when <see cref="Answers"/> holds for <paramref name="knownAt"/>.
    /// </summary>
    public QuestionStances At(DateOnly asOf, DateOnly knownAt)
    {
        EnsureAnswers(knownAt);
        var stances = new List<ActorStance>();
        foreach (var line in lines)
            if (line.First <= asOf) stances.Add(new ActorStance(line.Actor, StanceOf(line, asOf, knownAt)));
        // The first shift dated by asOf: the dates fall along the array.
        var (low, high) = (0, shiftsNewestFirst.Length);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (shiftsNewestFirst[middle].Shift.Date.Value > asOf) low = middle + 1;
            else high = middle;
        }
        return new QuestionStances(Question, asOf, knownAt, StanceLens.Default, stances, new ArraySegment<ActorShift>(shiftsNewestFirst, low, shiftsNewestFirst.Length - low));
    }

    /// <summary>One actor's stance at <paramref name="asOf"/>, as <see cref="At"/> gives it; null without a statement dated by then.</summary>
    public Stance? For(string actorSlug, DateOnly asOf, DateOnly knownAt)
    {
        EnsureAnswers(knownAt);
        return bySlug.TryGetValue(actorSlug, out var line) && line.First <= asOf ? StanceOf(line, asOf, knownAt) : null;
    }

    /// <summary>
    /// One actor's line up to <paramref name="asOf"/> (a point per day with evidence, each naming the statement that
    /// closed the day by id) and their shifts up to it, oldest first: the replay's line and shifts (see
    /// <see cref="StanceQueries.HistoryAsync"/>); null without a statement dated by then.
    /// </summary>
    public (IReadOnlyList<(PartialDate Date, double? Position, StanceBand Band, int StatementId, StanceInterval? Interval)> Line, IReadOnlyList<Shift> Shifts)?
        LineOf(string actorSlug, DateOnly asOf, DateOnly knownAt)
    {
        EnsureAnswers(knownAt);
        if (!bySlug.TryGetValue(actorSlug, out var actor) || actor.First > asOf) return null;
        var last = LastOnOrBefore(actor.Days, asOf);
        var line = new List<(PartialDate, double?, StanceBand, int, StanceInterval?)>(last + 1);
        for (var i = 0; i <= last; i++)
        {
            var day = actor.Days[i];
            // As the walk draws a day: the state carried to the day itself (a retraction's day may follow its last statement's).
            var atDay = LatentStanceCalculator.Model.Predict(new LevelEstimate(day.Mean, day.Variance), day.Day.DayNumber - day.StateDay);
            line.Add(day.Counting == 0
                ? (day.Date, null, day.Band, day.StatementId, null)
                : (day.Date, day.Band.HasPosition() ? atDay.Mean : null, day.Band, day.StatementId, StanceInterval.Around(atDay.Mean, atDay.Sd)));
        }
        return (line, actor.Shifts.Where(s => s.Date.Value <= asOf).ToList());
    }

    private static Stance StanceOf(ActorLine line, DateOnly asOf, DateOnly knownAt)
    {
        var index = LastOnOrBefore(line.Days, asOf);
        if (index < 0 || line.Days[index].Counting == 0)
            return Stance.NoRecord with { Arithmetic = $"No statement counts as of {Iso(asOf)} known at {Iso(knownAt)}.", Method = Methodology.Version2 };
        var day = line.Days[index];
        var drift = asOf.DayNumber - day.StateDay;
        var estimate = LatentStanceCalculator.Model.Predict(new LevelEstimate(day.Mean, day.Variance), drift);
        var band = LatentStanceCalculator.BandOf(estimate);
        var interval = StanceInterval.Around(estimate.Mean, estimate.Sd);
        var since = day.Band == band && day.SinceIndex >= 0 ? line.Days[day.SinceIndex].Date : (PartialDate?)null;
        var qualifiers = line.Qualifiers.Where(q => q.Date <= asOf && !(q.RetractedOn <= asOf)).Select(q => q.Qualifier).Distinct(StringComparer.Ordinal).ToList();
        var confidence = Math.Clamp(1 - estimate.Variance / Methodology.PriorVariance, 0, 1);
        return new Stance(band, band.HasPosition() ? estimate.Mean : null, day.Counting, confidence, since, qualifiers, [],
            Explain(day, drift, estimate, interval, band), Methodology.Version2, estimate.Sd, interval);
    }

    /// <summary>The index of the last day state dated on or before <paramref name="asOf"/>, or -1.</summary>
    private static int LastOnOrBefore(DayState[] days, DateOnly asOf)
    {
        var (low, high) = (0, days.Length - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (days[middle].Date.Value <= asOf) low = middle + 1;
            else high = middle - 1;
        }
        return high;
    }

    /// <summary>"Filtered (statements to date): after 10 Mar 2024, mean 0.62, variance 0.0961 from 12 statements; 5 days of drift …": the last step of the filter.</summary>
    private static string Explain(DayState day, int drift, LevelEstimate estimate, StanceInterval interval, StanceBand band)
    {
        var rule = band == StanceBand.NotEnoughEvidence ? WiderThanAllowed : "→ ";
        // One invariant buffer rather than a string per number: a page at a new date explains thousands of stances.
        return string.Create(CultureInfo.InvariantCulture,
            $"Filtered (statements to date): after the statements of {day.Date}, mean {day.Mean:0.00} with variance {day.Variance:0.0000} " +
            $"from {day.Counting:N0} counting statement(s); {drift:N0} day(s) of drift since: variance {day.Variance:0.0000} + " +
            $"{drift:N0} × {Methodology.DriftPerDay:0.000000} = {estimate.Variance:0.0000}; sd {estimate.Sd:0.00}; 95% interval " +
            $"{interval.Low:0.00} to {interval.High:0.00} {rule}{band.ToWire()} (methodology {Methodology.Version2}; each statement's weight is shown with the evidence)");
    }

    private static readonly string WiderThanAllowed = string.Create(CultureInfo.InvariantCulture, $"wider than {Methodology.MaxIntervalWidth:0} points within -2..+2 → ");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
