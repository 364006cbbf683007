namespace AlliancePositions.Core.Stances;

public enum AgreementRelation
{
    Agree,
    Disagree,
    Partial,
    Unknown,
}

/// <summary>
/// How two stances on one question relate; <see cref="Score"/> is null when either has no position. Under
/// methodology 2.0 the score has a 95% <see cref="Interval"/>, and a pair whose interval straddles
/// <see cref="Methodology.AgreementLine"/> is <see cref="Uncertain"/>: the evidence cannot say whether they agree.
/// </summary>
public sealed record PairAgreement(AgreementRelation Relation, double? Score, AgreementInterval? Interval = null, bool Uncertain = false)
{
    public static PairAgreement Unknown { get; } = new(AgreementRelation.Unknown, null);
}

/// <summary>A 95% interval on the agreement score (0..1).</summary>
public sealed record AgreementInterval(double Low, double High);

/// <summary>Mean score over the questions on which both actors have a position, with how many that was.</summary>
public sealed record OverallAgreement(double? Score, int SharedQuestions);

public static class Agreement
{
    /// <summary>Score = 1 - |a - b| / 4: 1 for the same position, 0 for opposite poles (+2 and -2).</summary>
    public static PairAgreement Between(Stance a, Stance b)
    {
        if (a.Side is not { } sideA || b.Side is not { } sideB || a.Position is not { } pa || b.Position is not { } pb)
        {
            return PairAgreement.Unknown;
        }
        var relation = (sideA, sideB) switch
        {
            (Side.Ambiguous, _) or (_, Side.Ambiguous) => AgreementRelation.Partial,
            _ when sideA == sideB => AgreementRelation.Agree,
            _ => AgreementRelation.Disagree,
        };
        var score = 1 - Math.Abs(pa - pb) / 4;
        if (a.Sd is not { } sa || b.Sd is not { } sb) return new PairAgreement(relation, score);
        var interval = ScoreInterval(pa - pb, Math.Sqrt(sa * sa + sb * sb));
        return new PairAgreement(relation, score, interval, interval.Low < Methodology.AgreementLine && Methodology.AgreementLine < interval.High);
    }

    /// <summary>
    /// The image of the difference's 95% interval under 1 - |d| / 4: the far end of the interval gives the low score,
    /// the near end (0 when the interval holds 0) the high one. The two positions are independent given the evidence.
    /// </summary>
    private static AgreementInterval ScoreInterval(double difference, double sd)
    {
        var low = difference - Methodology.IntervalZ * sd;
        var high = difference + Methodology.IntervalZ * sd;
        var nearest = low <= 0 && 0 <= high ? 0 : Math.Min(Math.Abs(low), Math.Abs(high));
        var farthest = Math.Max(Math.Abs(low), Math.Abs(high));
        return new AgreementInterval(1 - Math.Min(farthest, 4) / 4, 1 - Math.Min(nearest, 4) / 4);
    }

    /// <summary>Both arguments map question key to stance; questions only one actor has are not shared.</summary>
    public static OverallAgreement Overall(IReadOnlyDictionary<string, Stance> a, IReadOnlyDictionary<string, Stance> b)
    {
        var scores = a.Where(q => b.ContainsKey(q.Key))
            .Select(q => Between(q.Value, b[q.Key]).Score)
            .OfType<double>()
            .ToList();
        return new OverallAgreement(scores.Count == 0 ? null : scores.Average(), scores.Count);
    }
}
