using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// One statement's reading on one question, as the service loads it. <paramref name="Position"/> is the mean of the
/// coders' positions (-2..+2). <paramref name="KnownFrom"/> is when the public could first know it (null: from its
/// date). <paramref name="RetractedOn"/> is the date the actor retracted it. A denial counts as evidence of its own.
/// <paramref name="CoderVariance"/> is the variance of the coders' positions around their mean (0 for one coder).
/// </summary>
public sealed record EvidenceItem(
    string StatementKey, PartialDate Date, DateOnly? KnownFrom, SourceGrade Source, Credibility Credibility,
    StatementKind Kind, double Position, string? Qualifier, string? Quote, string? Summary,
    DateOnly? RetractedOn, bool IsDenial, double CoderVariance = 0)
{
    public DateOnly KnownOn => KnownFrom ?? Date.Value;

    /// <summary>Said by <paramref name="asOf"/>, public by <paramref name="knownAt"/>, and not retracted by <paramref name="asOf"/>.</summary>
    public bool CountsAt(DateOnly asOf, DateOnly knownAt) =>
        Date.Value <= asOf && KnownOn <= knownAt && !(RetractedOn <= asOf);

    /// <summary>The deterministic evidence order: date (coarser first on the same day), then statement key.</summary>
    public static int Chronologically(EvidenceItem a, EvidenceItem b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.StatementKey, b.StatementKey);
    }
}
