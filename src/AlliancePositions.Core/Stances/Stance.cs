using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// An actor's stance on a question as of a date. <see cref="Position"/> is null without a band to place;
/// <see cref="Since"/> is when the current band began; <see cref="Arithmetic"/> spells the calculation out.
/// <see cref="Evidence"/> lists the heaviest of the <see cref="EvidenceCount"/> counting items (at most
/// <see cref="StanceCalculator.EvidenceShown"/>), in chronological order, each with its share of the total weight.
/// <see cref="Method"/> is the methodology version that computed it; 2.0 adds the posterior <see cref="Sd"/> and the
/// 95% <see cref="Interval"/> (not clipped: pages clip it to the scale for display), which 1.0 does not have.
/// </summary>
public sealed record Stance(
    StanceBand Band, double? Position, int EvidenceCount, double Confidence, PartialDate? Since,
    IReadOnlyList<string> Qualifiers, IReadOnlyList<WeightedEvidence> Evidence, string Arithmetic,
    string Method = Methodology.Version1, double? Sd = null, StanceInterval? Interval = null)
{
    public static Stance NoRecord { get; } = new(StanceBand.NoRecord, null, 0, 0, null, [], [], "No statement counts.");

    public Side? Side => Band.ToSide();
}

/// <summary>A 95% interval on the position scale.</summary>
public sealed record StanceInterval(double Low, double High)
{
    public static StanceInterval Around(double mean, double sd) => new(mean - Methodology.IntervalZ * sd, mean + Methodology.IntervalZ * sd);

    /// <summary>The interval as drawn and judged: within -2..+2.</summary>
    public StanceInterval Clipped => new(Math.Clamp(Low, -2, 2), Math.Clamp(High, -2, 2));

    public bool Contains(double value) => Low <= value && value <= High;
}

/// <summary>
/// One counting item with each factor of its weight and its share of the total weight. Under 2.0 the weight is the
/// item's exact share of the posterior mean (the prior holds the rest), <see cref="Recency"/> is the part of its
/// share that later evidence and drift left it, and <see cref="ObservationVariance"/> its error variance.
/// </summary>
public sealed record WeightedEvidence(
    EvidenceItem Item, double SourceWeight, double CredibilityWeight, double Recency, double Weight, double Share,
    double? ObservationVariance = null);
