using System.Globalization;
using AlliancePositions.Core.Keys;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// Turns the evidence for one actor on one question into a stance as of a date (event time) as it could be known at
/// a date (knowledge time). Pure arithmetic: the numbers live in <see cref="Methodology"/>.
/// </summary>
public static class StanceCalculator
{
    /// <summary>
    /// How many items a stance lists: the heaviest ones. An actor with thousands of statements on a question still
    /// gets an exact position from all of them, but a list (and a sum written out) that long would help no one.
    /// </summary>
    public const int EvidenceShown = 10;

    public static Stance Compute(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt) =>
        ComputeWithShifts(evidence, asOf, knownAt).Stance;

    /// <summary>
    /// The stance and the band changes that led to it up to <paramref name="asOf"/> (as <see cref="ShiftFinder"/>
    /// finds them, without meetings), from one replay of the evidence instead of two.
    /// </summary>
    public static (Stance Stance, IReadOnlyList<Shift> Shifts) ComputeWithShifts(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt)
    {
        var timeline = StanceTimeline.Walk(evidence, knownAt, asOf).ToList();
        return (Compute(evidence, asOf, knownAt, timeline), ShiftFinder.FromTimeline(timeline, [], ""));
    }

    private static Stance Compute(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt, List<TimelinePoint> timeline)
    {
        var counting = evidence.Where(e => e.CountsAt(asOf, knownAt)).ToList();
        counting.Sort(EvidenceItem.Chronologically);
        if (counting.Count == 0)
        {
            return Stance.NoRecord with { Arithmetic = $"No statement counts as of {Iso(asOf)} known at {Iso(knownAt)}." };
        }

        var weighted = Weigh(counting, asOf);
        var (band, position) = Evaluate(weighted);
        var since = timeline.LastOrDefault(p => p.BandChanged)?.Date;
        var qualifiers = counting.Select(e => e.Qualifier).OfType<string>()
            .Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // Confidence is about how much and how good the evidence is, not how old: recency only decides whose words
        // weigh more in the mean. Otherwise every stance would fade towards 0% confidence as the calendar moves on.
        var quality = weighted.Sum(w => w.SourceWeight * w.CredibilityWeight);
        var shown = weighted.Count <= EvidenceShown
            ? weighted
            : weighted.Select((w, index) => (w, index)).OrderByDescending(p => p.w.Weight).ThenByDescending(p => p.index).Take(EvidenceShown)
                .OrderBy(p => p.index).Select(p => p.w).ToList();
        return new Stance(band, position, counting.Count, Methodology.Confidence(quality), since, qualifiers, shown,
            Explain(weighted, band, position));
    }

    /// <summary>Weights of items that already count, ordered as they should be shown.</summary>
    internal static IReadOnlyList<WeightedEvidence> Weigh(IReadOnlyList<EvidenceItem> counting, DateOnly asOf)
    {
        var factors = counting.Select(e => (Item: e,
            Source: Methodology.SourceWeight(e.Source),
            Credibility: Methodology.CredibilityWeight(e.Credibility),
            Recency: Methodology.Recency(e.Date.Value, asOf))).ToList();
        var total = factors.Sum(f => f.Source * f.Credibility * f.Recency);
        return factors.Select(f =>
        {
            var weight = f.Source * f.Credibility * f.Recency;
            return new WeightedEvidence(f.Item, f.Source, f.Credibility, f.Recency, weight, weight / total);
        }).ToList();
    }

    /// <summary>The band and weighted mean position of a non-empty set of counting items.</summary>
    internal static (StanceBand Band, double? Position) Evaluate(IReadOnlyList<WeightedEvidence> weighted)
    {
        if (weighted.Count == 0) return (StanceBand.NoRecord, null);
        if (weighted.All(w => Methodology.IsWeak(w.Item.Source, w.Item.Credibility)))
        {
            return (StanceBand.NotEnoughEvidence, null);
        }
        var position = weighted.Sum(w => w.Weight * w.Item.Position) / weighted.Sum(w => w.Weight);
        return (StanceBands.FromPosition(position), position);
    }

    /// <summary>"(2 × 0.504 + -2 × 0.252) / 0.756 = 0.67 → leans-support": the sum an analyst can redo by hand.</summary>
    private static string Explain(IReadOnlyList<WeightedEvidence> weighted, StanceBand band, double? position)
    {
        var total = weighted.Sum(w => w.Weight);
        if (position is not { } p)
        {
            return $"Every counting item is weak (source E or credibility 5): {weighted.Count} item(s), " +
                   $"total weight {Number(total, "0.###")} → {band.ToWire()}.";
        }
        if (weighted.Count > EvidenceShown)
        {
            // Too many terms to write out: the two sums, which the listed items and the statement list let anyone check.
            var sum = weighted.Sum(w => w.Weight * w.Item.Position);
            return $"Σ position × weight / Σ weight over {weighted.Count.ToString("N0", CultureInfo.InvariantCulture)} statements = " +
                   $"{Number(sum, "0.###")} / {Number(total, "0.###")} = {Number(p, "0.00")} → {band.ToWire()} " +
                   $"(the {EvidenceShown} heaviest are listed)";
        }
        var terms = string.Join(" + ", weighted.Select(w => $"{Number(w.Item.Position, "0.##")} × {Number(w.Weight, "0.###")}"));
        return $"({terms}) / {Number(total, "0.###")} = {Number(p, "0.00")} → {band.ToWire()}";
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
