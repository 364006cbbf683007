using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// Every number the stance engine uses, in one place, as docs/methodology.md explains them. Changing any of them
/// changes published stances, so it changes <see cref="Version"/> too. 2.0 (the default) is the latent-position
/// model (<see cref="LatentStanceCalculator"/>); 1.0 (<see cref="StanceCalculator"/>) stays computable so that a view
/// cited under it can be reproduced.
/// </summary>
public static class Methodology
{
    public const string Version = Version2;
    public const string Version1 = "1.0";
    public const string Version2 = "2.0";

    /// <summary>The methods a view can ask for (<c>method=</c>), oldest first.</summary>
    public static IReadOnlyList<string> Versions { get; } = [Version1, Version2];

    // ---- 2.0: a local-level model per actor and question (docs/methodology.md, "Methodology 2.0") ----

    /// <summary>
    /// Drift of the latent position, per day: 0.1 per year, the evolution variance Martin and Quinn fix per term for
    /// dynamic ideal points on a scale of about the same width. A position may move about a third of a point a year
    /// without anyone saying so; a reversal needs evidence.
    /// </summary>
    public const double DriftPerDay = 0.1 / 365.25;

    /// <summary>Before the first evidence: centred, and wide enough (sd 1.5) to cover the whole scale.</summary>
    public const double PriorMean = 0;
    public const double PriorVariance = 2.25;

    /// <summary>
    /// The error variance of one coder's reading of an A1 quote (sd ≈ 0.32: right to within about half a point nine
    /// times in ten). Lesser evidence divides it by its weights (<see cref="ObservationVariance"/>).
    /// </summary>
    public const double BaseObservationVariance = 0.1;

    /// <summary>The normal quantile of a 95% interval.</summary>
    public const double IntervalZ = 1.959963984540054;

    /// <summary>
    /// A 2.0 stance is not-enough-evidence when its 95% interval, clipped to -2..+2, is wider than this: wider than
    /// two bands, so the evidence cannot tell a band from its neighbours on both sides.
    /// </summary>
    public const double MaxIntervalWidth = 2.0;

    /// <summary>
    /// Agreement of 0.5 (two points apart) is the line between agreeing and disagreeing: a pair whose agreement
    /// interval straddles it is shown as uncertain.
    /// </summary>
    public const double AgreementLine = 0.5;

    /// <summary>A quote or a deed is the actor's own; a paraphrase is the reporter's words; a report is hearsay.</summary>
    public static double KindWeight(StatementKind kind) => kind switch
    {
        StatementKind.Quote or StatementKind.Action => 1.0,
        StatementKind.Paraphrase => 0.8,
        _ => 0.6,
    };

    /// <summary>
    /// An item's error variance: the base divided by source × credibility × kind weight, plus the variance of the
    /// coders' positions on it (0 for one coder): evidence coders read differently tells us less.
    /// </summary>
    public static double ObservationVariance(EvidenceItem item) =>
        BaseObservationVariance / (SourceWeight(item.Source) * CredibilityWeight(item.Credibility) * KindWeight(item.Kind))
        + item.CoderVariance;

    // ---- 1.0: a recency-weighted mean ----

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
