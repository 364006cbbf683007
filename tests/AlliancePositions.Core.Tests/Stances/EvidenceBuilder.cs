using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Tests.Stances;

/// <summary>Evidence with defaults (a B2 report, position 0, dated 1 Jan 2024), so a test names only what it is about.</summary>
internal sealed class EvidenceBuilder
{
    private string key = "s1";
    private PartialDate date = PartialDate.Day(2024, 1, 1);
    private DateOnly? knownFrom;
    private SourceGrade source = SourceGrade.B;
    private Credibility credibility = Core.Sources.Credibility.Probable;
    private StatementKind kind = StatementKind.Reported;
    private double position;
    private string? qualifier;
    private DateOnly? retractedOn;
    private bool isDenial;

    public EvidenceBuilder Key(string value) { key = value; return this; }
    public EvidenceBuilder On(int year, int month, int day) { date = PartialDate.Day(year, month, day); return this; }
    public EvidenceBuilder InMonth(int year, int month) { date = PartialDate.Month(year, month); return this; }
    public EvidenceBuilder Position(double value) { position = value; return this; }
    public EvidenceBuilder Graded(SourceGrade grade, Credibility value) { source = grade; credibility = value; return this; }
    public EvidenceBuilder Rated(Credibility value) { credibility = value; return this; }
    public EvidenceBuilder Kind(StatementKind value) { kind = value; return this; }
    public EvidenceBuilder Qualified(string value) { qualifier = value; return this; }
    public EvidenceBuilder KnownFrom(int year, int month, int day) { knownFrom = new DateOnly(year, month, day); return this; }
    public EvidenceBuilder RetractedOn(int year, int month, int day) { retractedOn = new DateOnly(year, month, day); return this; }
    public EvidenceBuilder Denial() { isDenial = true; return this; }

    public EvidenceItem Build() =>
        new(key, date, knownFrom, source, credibility, kind, position, qualifier, null, $"Statement {key}", retractedOn, isDenial);
}

/// <summary>
/// The seed's troop-deployment question (seed article 000_fe0bddd215f79065): every item comes from one document
/// published 2024-04-03, graded B through the Wall Street Journal report it retells.
/// </summary>
internal static class TroopDeployment
{
    public static readonly DateOnly Published = new(2024, 4, 3);

    public static EvidenceItem Macron => Seed("macron-readiness", 2024, 2, 2, Core.Sources.Credibility.Probable).Build();
    public static EvidenceItem Scholz => Seed("scholz-advice", 2024, 2, -2, Core.Sources.Credibility.Probable).Build();
    public static EvidenceItem Estonia =>
        Seed("estonia-training", 2024, 4, 0, Core.Sources.Credibility.Probable).Qualified("training only").Build();
    public static EvidenceItem UsOfficial => Seed("us-official", 2024, 4, -1, Core.Sources.Credibility.Possible).Build();
    public static EvidenceItem OtherLeaders => Seed("other-leaders", 2024, 2, -2, Core.Sources.Credibility.Possible).Build();

    /// <summary>Each actor's stance as of publication day, known at publication day.</summary>
    public static Dictionary<string, Stance> StancesOnPublication() => new()
    {
        ["macron"] = Of(Macron), ["scholz"] = Of(Scholz), ["estonia-defence-ministry"] = Of(Estonia),
        ["us-official"] = Of(UsOfficial), ["other-leaders"] = Of(OtherLeaders),
    };

    public static Stance Of(EvidenceItem item) => StanceCalculator.Compute([item], Published, Published);

    private static EvidenceBuilder Seed(string key, int year, int month, double position, Credibility credibility) =>
        new EvidenceBuilder().Key(key).InMonth(year, month).Position(position)
            .Graded(SourceGrade.B, credibility).KnownFrom(2024, 4, 3);
}
