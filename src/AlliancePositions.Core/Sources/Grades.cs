namespace AlliancePositions.Core.Sources;

/// <summary>
/// Admiralty source reliability (DOMAIN.md §1). F is "cannot be judged": unknown, not bad, so it never ranks below E.
/// </summary>
public enum SourceGrade
{
    A,
    B,
    C,
    D,
    E,
    F,
}

/// <summary>Admiralty information credibility 1-6 (DOMAIN.md §1). 6 is "cannot be judged": unknown, not worst.</summary>
public enum Credibility
{
    Confirmed = 1,
    Probable = 2,
    Possible = 3,
    Doubtful = 4,
    Improbable = 5,
    CannotBeJudged = 6,
}

public static class Admiralty
{
    public static string Describe(SourceGrade grade) => grade switch
    {
        SourceGrade.A => "Completely reliable",
        SourceGrade.B => "Usually reliable",
        SourceGrade.C => "Fairly reliable",
        SourceGrade.D => "Not usually reliable",
        SourceGrade.E => "Unreliable",
        _ => "Reliability cannot be judged",
    };

    public static string Describe(Credibility credibility) => credibility switch
    {
        Credibility.Confirmed => "Confirmed by other sources",
        Credibility.Probable => "Probably true",
        Credibility.Possible => "Possibly true",
        Credibility.Doubtful => "Doubtful",
        Credibility.Improbable => "Improbable",
        _ => "Truth cannot be judged",
    };

    /// <summary>"B2": letter then digit; never "2B".</summary>
    public static string Format(SourceGrade grade, Credibility credibility) => $"{grade}{(int)credibility}";
}
