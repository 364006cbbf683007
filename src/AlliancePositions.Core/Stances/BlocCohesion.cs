namespace AlliancePositions.Core.Stances;

/// <summary>
/// How united a bloc's members are on one question: the Hix-Noury-Roland agreement index over their sides (DOMAIN.md
/// §3). <see cref="Agreement"/> is null when no member has a position. Members without one are listed in
/// <see cref="Missing"/>, never dropped silently. <see cref="Unsure"/> counts the placed members (under methodology 2.0)
/// whose 95% interval reaches into another side: the index then rests on wide intervals.
/// </summary>
public sealed record BlocCohesion(double? Agreement, int Support, int Oppose, int Ambiguous, IReadOnlyList<string> Missing, int Unsure = 0)
{
    public int Placed => Support + Oppose + Ambiguous;

    /// <summary><paramref name="stanceByMember"/> maps member actor (or country) key to its stance.</summary>
    public static BlocCohesion Measure(IReadOnlyDictionary<string, Stance> stanceByMember)
    {
        int Count(Side side) => stanceByMember.Values.Count(s => s.Side == side);
        var (support, oppose, ambiguous) = (Count(Side.Support), Count(Side.Oppose), Count(Side.Ambiguous));
        var missing = stanceByMember.Where(m => m.Value.Side is null).Select(m => m.Key)
            .Order(StringComparer.Ordinal).ToList();
        var unsure = stanceByMember.Values.Count(s => s.Side is { } side && s.Interval?.Clipped is { } interval && ReachesAnotherSide(side, interval));
        return new BlocCohesion(AgreementIndex(support, oppose, ambiguous), support, oppose, ambiguous, missing, unsure);
    }

    /// <summary>Whether a member placed on <paramref name="side"/> could, within its interval, stand on another.</summary>
    private static bool ReachesAnotherSide(Side side, StanceInterval interval) => side switch
    {
        Side.Support => interval.Low < Methodology.LeansSupportFrom,
        Side.Oppose => interval.High > Methodology.LeansOpposeFrom,
        _ => interval.Low <= Methodology.LeansOpposeFrom || interval.High >= Methodology.LeansSupportFrom,
    };

    /// <summary>
    /// 1.5 · max(S, O, M) / T − 0.5 with T = S + O + M: 1 when all take one side, 0 for an even three-way split,
    /// 0.25 for an even two-way split; null when T = 0.
    /// </summary>
    public static double? AgreementIndex(int support, int oppose, int ambiguous)
    {
        var total = support + oppose + ambiguous;
        if (total == 0) return null;
        return 1.5 * Math.Max(support, Math.Max(oppose, ambiguous)) / total - 0.5;
    }
}
