using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// Every number the stance engine uses, in one place, as docs/methodology.md explains them. Changing any of them
/// changes published stances, so it changes <see cref="Version"/> too.
/// </summary>
public static class Methodology
{
    public const string Version = "1.0";

    /// <summary>Evidence loses half its weight every 180 days, so a reversal shows within months, not years.</summary>
    public const double HalfLifeDays = 180;

    public const double SupportsFrom = 1.5;
    public const double LeansSupportFrom = 0.5;
    public const double LeansOpposeFrom = -0.5;
    public const double OpposesFrom = -1.5;

    /// <summary>Largest inter-actor distance (1 - agreement) at which clusters still merge: one notch apart on average.</summary>
    public const double ClusterDistanceThreshold = 0.25;

    /// <summary>Meetings this many days before a shift (and on its day) are listed beside it.</summary>
    public const int ShiftMeetingWindowDays = 30;

    /// <summary>F ("cannot be judged") is unknown, not bad: a neutral middle weight, above D and E.</summary>
    public static double SourceWeight(SourceGrade grade) => grade switch
    {
        SourceGrade.A => 1.0,
        SourceGrade.B => 0.8,
        SourceGrade.C => 0.6,
        SourceGrade.D => 0.4,
        SourceGrade.E => 0.2,
        _ => 0.5,
    };

    /// <summary>6 ("cannot be judged") is unknown, not worst: the same neutral middle weight as F.</summary>
    public static double CredibilityWeight(Credibility credibility) => credibility switch
    {
        Credibility.Confirmed => 1.0,
        Credibility.Probable => 0.8,
        Credibility.Possible => 0.6,
        Credibility.Doubtful => 0.4,
        Credibility.Improbable => 0.2,
        _ => 0.5,
    };

    /// <summary>0.5 ^ (days / half-life), counted back from the as-of date to the item's date (1 on the day itself).</summary>
    public static double Recency(DateOnly itemDate, DateOnly asOf) =>
        Math.Pow(0.5, Math.Max(0, asOf.DayNumber - itemDate.DayNumber) / HalfLifeDays);

    /// <summary>Evidence from an unreliable source or improbable on its face cannot carry a stance alone.</summary>
    public static bool IsWeak(SourceGrade grade, Credibility credibility) =>
        grade == SourceGrade.E || credibility == Credibility.Improbable;

    /// <summary>
    /// 1 - e^(-Σ source weight × credibility weight) over the counting items (recency left out): one B2 item gives
    /// 0.47, three give 0.85; never quite 1.
    /// </summary>
    public static double Confidence(double totalQuality) => 1 - Math.Exp(-totalQuality);
}
