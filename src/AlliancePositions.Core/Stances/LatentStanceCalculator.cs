using System.Globalization;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// Methodology 2.0: an actor's position on a question is a latent value that drifts as a random walk and each coded
/// statement observes it with error (<see cref="LocalLevelModel"/>, constants in <see cref="Methodology"/>). As of a
/// date, the Kalman filter over what counted by then gives a mean and a 95% interval; in hindsight, the smoother over
/// everything known gives where we now believe the actor stood then. Pure arithmetic, like 1.0's
/// <see cref="StanceCalculator"/>, which stays as it was.
/// </summary>
/// <remarks>
/// A band change is a <b>shift</b> only when the new 95% interval no longer holds the mean the actor had when the
/// old band began: movement the evidence can tell from noise. Smaller wobbles across a band edge change the band
/// shown, not the record of shifts.
/// </remarks>
public static class LatentStanceCalculator
{
    public static LocalLevelModel Model { get; } = new(Methodology.PriorMean, Methodology.PriorVariance, Methodology.DriftPerDay);

    public static Stance Compute(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt) =>
        ComputeWithShifts(evidence, asOf, knownAt).Stance;

    /// <summary>The filtered stance at <paramref name="asOf"/> and the shifts up to it, from one replay.</summary>
    public static (Stance Stance, IReadOnlyList<Shift> Shifts) ComputeWithShifts(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt)
    {
        var timeline = Walk(evidence, knownAt, asOf).ToList();
        var counting = Chronological(evidence.Where(e => e.CountsAt(asOf, knownAt)));
        var shifts = ShiftFinder.FromTimeline(timeline, [], "");
        if (counting.Count == 0)
        {
            return (NoRecord($"No statement counts as of {Iso(asOf)} known at {Iso(knownAt)}."), shifts);
        }
        var steps = counting.Select(Step).Append(new LevelStep(asOf.DayNumber)).ToList();
        var stance = Build(counting, steps, at: steps.Count - 1, hindsight: false);
        var last = timeline.LastOrDefault();
        var since = last is not null && last.Band == stance.Band ? timeline.LastOrDefault(p => p.BandChanged)?.Date : null;
        return (stance with { Since = since }, shifts);
    }

    /// <summary>
    /// Where we now believe the actor stood on <paramref name="asOf"/>: the smoother over every statement known at
    /// <paramref name="knownAt"/>, later ones included. A statement retracted by <paramref name="knownAt"/> is left
    /// out altogether: withdrawn, it is evidence of no time. Before the first statement there is no record.
    /// </summary>
    public static Stance Hindsight(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt)
    {
        var counting = HindsightEvidence(evidence, knownAt);
        if (counting.Count == 0 || counting[0].Date.Value > asOf)
        {
            return NoRecord($"No statement known at {Iso(knownAt)} is dated on or before {Iso(asOf)}.");
        }
        var steps = counting.Select(Step).ToList();
        // The day asked about goes after the statements of that day: what was said on it counts for it.
        var at = counting.Count(e => e.Date.Value <= asOf);
        steps.Insert(at, new LevelStep(asOf.DayNumber));
        var stance = Build(counting, steps, at, hindsight: true);
        var line = HindsightLine(evidence, knownAt);
        var change = line.TakeWhile(p => p.Date.Value <= asOf).LastOrDefault(p => p.BandChanged);
        var since = change is not null && change.Band == stance.Band ? change.Date : (PartialDate?)null;
        return stance with { Since = since };
    }

    /// <summary>The filtered stance after each day's events, with 2.0's bands and shifts (see the remarks).</summary>
    internal static IEnumerable<TimelinePoint> Walk(IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt, DateOnly? until)
    {
        var events = StanceTimeline.Events(evidence, knownAt);
        var active = new List<EvidenceItem>();
        var raw = new List<TimelinePoint>();
        LevelEstimate? estimate = null;
        var day = 0;
        PartialDate? dayStart = null;
        for (var i = 0; i < events.Count; i++)
        {
            var (date, item, isRetraction) = events[i];
            if (date.Value > until) break;
            dayStart ??= date;
            if (isRetraction)
            {
                active.Remove(item);
                // Rare: replay what still counts rather than try to take one observation back out.
                estimate = active.Count == 0 ? null : Model.Filter(active[0].Date.Value.DayNumber, Chronological(active).Select(Step).ToList())[^1];
                if (active.Count > 0) day = active.Max(a => a.Date.Value.DayNumber); // the replayed estimate stands on its last item's day
            }
            else if (!(item.RetractedOn <= item.Date.Value))
            {
                active.Add(item);
                var prior = estimate is { } e ? Model.Predict(e, item.Date.Value.DayNumber - day) : Model.Prior;
                estimate = LocalLevelModel.Update(prior, item.Position, Methodology.ObservationVariance(item));
                day = item.Date.Value.DayNumber;
            }
            if (i + 1 < events.Count && events[i + 1].Date.Value == date.Value) continue;

            var atDay = estimate is { } current ? Model.Predict(current, date.Value.DayNumber - day) : (LevelEstimate?)null;
            raw.Add(Point(dayStart.Value, item, isRetraction, atDay) with { State = estimate, StateDay = day, Counting = active.Count });
            dayStart = null;
        }
        return MarkShifts(raw);
    }

    /// <summary>The smoothed stance on each day with evidence, as known at <paramref name="knownAt"/>.</summary>
    internal static IReadOnlyList<TimelinePoint> HindsightLine(IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt)
    {
        var counting = HindsightEvidence(evidence, knownAt);
        if (counting.Count == 0) return [];
        var smoothed = Model.Smooth(counting[0].Date.Value.DayNumber, counting.Select(Step).ToList());
        var raw = new List<TimelinePoint>();
        var dayStart = 0;
        for (var k = 0; k < counting.Count; k++)
        {
            if (k + 1 < counting.Count && counting[k + 1].Date.Value == counting[k].Date.Value) continue;
            // The day is shown at its coarsest precision, which sorts first among its items.
            raw.Add(Point(counting[dayStart].Date, counting[k], false, smoothed[k]));
            dayStart = k + 1;
        }
        return MarkShifts(raw);
    }

    /// <summary>The band an estimate supports: not-enough-evidence when its clipped interval spans more than two bands.</summary>
    public static StanceBand BandOf(LevelEstimate estimate)
    {
        var interval = StanceInterval.Around(estimate.Mean, estimate.Sd).Clipped;
        return interval.High - interval.Low > Methodology.MaxIntervalWidth ? StanceBand.NotEnoughEvidence : StanceBands.FromPosition(estimate.Mean);
    }

    private static TimelinePoint Point(PartialDate date, EvidenceItem cause, bool isRetraction, LevelEstimate? estimate)
    {
        if (estimate is not { } e) return new TimelinePoint(date, cause, isRetraction, StanceBand.NoRecord, false, null);
        var band = BandOf(e);
        return new TimelinePoint(date, cause, isRetraction, band, false, band.HasPosition() ? e.Mean : null, null, StanceInterval.Around(e.Mean, e.Sd));
    }

    /// <summary>Band changes and, by the rule in the remarks, shifts: against the mean at which the current band began.</summary>
    private static List<TimelinePoint> MarkShifts(List<TimelinePoint> raw)
    {
        var marked = new List<TimelinePoint>(raw.Count);
        var previous = StanceBand.NoRecord;
        (StanceBand Band, double Mean)? anchor = null;
        foreach (var point in raw)
        {
            StanceBand? shiftFrom = null;
            if (point.Position is { } mean)
            {
                if (anchor is not { } a) anchor = (point.Band, mean);
                else if (a.Band != point.Band && point.Interval is { } interval && !interval.Contains(a.Mean))
                {
                    shiftFrom = a.Band;
                    anchor = (point.Band, mean);
                }
            }
            marked.Add(point with { BandChanged = point.Band != previous, ShiftFrom = shiftFrom });
            previous = point.Band;
        }
        return marked;
    }

    private static Stance Build(List<EvidenceItem> counting, List<LevelStep> steps, int at, bool hindsight)
    {
        var priorDay = counting[0].Date.Value.DayNumber;
        // As of a date, `at` is the last step, where the smoothed estimate is the filtered one.
        var (estimate, priorWeight, stepWeights, stepGains) = Model.Read(priorDay, steps, at);
        var itemWeights = stepWeights.Where((_, k) => steps[k].Value is not null).ToList();
        var gains = stepGains.Where((_, k) => steps[k].Value is not null).ToList();
        var weighted = counting.Select((item, i) => new WeightedEvidence(item,
            Methodology.SourceWeight(item.Source), Methodology.CredibilityWeight(item.Credibility),
            gains[i] == 0 ? 0 : itemWeights[i] / gains[i], itemWeights[i], itemWeights[i], Methodology.ObservationVariance(item))).ToList();
        var band = BandOf(estimate);
        var interval = StanceInterval.Around(estimate.Mean, estimate.Sd);
        var qualifiers = counting.Select(e => e.Qualifier).OfType<string>().Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var shown = weighted.Count <= StanceCalculator.EvidenceShown
            ? weighted
            : weighted.Select((w, index) => (w, index)).OrderByDescending(p => Math.Abs(p.w.Weight)).ThenByDescending(p => p.index)
                .Take(StanceCalculator.EvidenceShown).OrderBy(p => p.index).Select(p => p.w).ToList();
        // How much the evidence narrowed the prior: 0 with none, towards 1 as the interval closes.
        var confidence = Math.Clamp(1 - estimate.Variance / Methodology.PriorVariance, 0, 1);
        return new Stance(band, band.HasPosition() ? estimate.Mean : null, counting.Count, confidence, null, qualifiers, shown,
            Explain(weighted, priorWeight, estimate, interval, band, hindsight), Methodology.Version2, estimate.Sd, interval);
    }

    /// <summary>"mean = 0.05 × prior 0 + 2 × 0.52 + … = 1.62; sd 0.38; 95% 0.88 to 2.36 → supports": redoable by hand.</summary>
    private static string Explain(List<WeightedEvidence> weighted, double priorWeight, LevelEstimate estimate,
        StanceInterval interval, StanceBand band, bool hindsight)
    {
        var how = hindsight ? "Smoothed (hindsight, every statement known)" : "Filtered (statements to date)";
        var terms = weighted.Count > StanceCalculator.EvidenceShown
            ? $"Σ position × weight over {weighted.Count.ToString("N0", CultureInfo.InvariantCulture)} statements " +
              $"({Number(weighted.Sum(w => w.Weight * w.Item.Position), "0.###")}; the {StanceCalculator.EvidenceShown} heaviest are listed)"
            : string.Join(" + ", weighted.Select(w => $"{Number(w.Item.Position, "0.##")} × {Number(w.Weight, "0.###")}"));
        var rule = band == StanceBand.NotEnoughEvidence
            ? $"wider than {Number(Methodology.MaxIntervalWidth, "0")} points within -2..+2 → {band.ToWire()}"
            : $"→ {band.ToWire()}";
        return $"{how}: mean = {Number(Methodology.PriorMean, "0.##")} × {Number(priorWeight, "0.###")} (prior) + {terms} = " +
               $"{Number(estimate.Mean, "0.00")}; sd {Number(estimate.Sd, "0.00")}; 95% interval " +
               $"{Number(interval.Low, "0.00")} to {Number(interval.High, "0.00")} {rule} (methodology {Methodology.Version2})";
    }

    private static List<EvidenceItem> HindsightEvidence(IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt) =>
        Chronological(evidence.Where(e => e.KnownOn <= knownAt && !(e.RetractedOn <= knownAt)));

    private static List<EvidenceItem> Chronological(IEnumerable<EvidenceItem> items)
    {
        var list = items.ToList();
        list.Sort(EvidenceItem.Chronologically);
        return list;
    }

    private static LevelStep Step(EvidenceItem item) => new(item.Date.Value.DayNumber, item.Position, Methodology.ObservationVariance(item));

    private static Stance NoRecord(string arithmetic) => Stance.NoRecord with { Arithmetic = arithmetic, Method = Methodology.Version2 };

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
