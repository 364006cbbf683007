using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// An actor's stance on a question as of a date. <see cref="Position"/> is null without a band to place;
/// <see cref="Since"/> is when the current band began; <see cref="Arithmetic"/> spells the calculation out.
/// <see cref="Evidence"/> lists the heaviest of the <see cref="EvidenceCount"/> counting items (at most
/// <see cref="StanceCalculator.EvidenceShown"/>), in chronological order, each with its share of the total weight.
/// </summary>
public sealed record Stance(
    StanceBand Band, double? Position, int EvidenceCount, double Confidence, PartialDate? Since,
    IReadOnlyList<string> Qualifiers, IReadOnlyList<WeightedEvidence> Evidence, string Arithmetic)
{
    public static Stance NoRecord { get; } = new(StanceBand.NoRecord, null, 0, 0, null, [], [], "No statement counts.");

    public Side? Side => Band.ToSide();
}

/// <summary>One counting item with each factor of its weight and its share of the total weight.</summary>
public sealed record WeightedEvidence(
    EvidenceItem Item, double SourceWeight, double CredibilityWeight, double Recency, double Weight, double Share);
