namespace AlliancePositions.Core.Stances;

public enum AgreementRelation
{
    Agree,
    Disagree,
    Partial,
    Unknown,
}

/// <summary>How two stances on one question relate; <see cref="Score"/> is null when either has no position.</summary>
public sealed record PairAgreement(AgreementRelation Relation, double? Score)
{
    public static PairAgreement Unknown { get; } = new(AgreementRelation.Unknown, null);
}

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
        return new PairAgreement(relation, 1 - Math.Abs(pa - pb) / 4);
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
