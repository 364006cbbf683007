using System.Globalization;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Questions;

/// <summary>
/// The heat map's colours and words, shared by the page and the SVG download so both read the same: a diverging
/// red-white-blue scale (ColorBrewer RdBu ends, readable with red-green colour blindness) from 0 (opposite poles) through
/// 0.5 to 1 (the same position), and grey for a pair without a score.
/// </summary>
public static class AgreementScale
{
    public const string UnknownColour = "#e0e0e0";
    private static readonly (double R, double G, double B) Low = (178, 24, 43);
    private static readonly (double R, double G, double B) Middle = (247, 247, 247);
    private static readonly (double R, double G, double B) High = (33, 102, 172);

    public static string Colour(double? score)
    {
        if (score is not { } s) return UnknownColour;
        var (r, g, b) = Rgb(Math.Clamp(s, 0, 1));
        return $"#{(int)Math.Round(r):x2}{(int)Math.Round(g):x2}{(int)Math.Round(b):x2}";
    }

    /// <summary>Dark text on pale cells, white on saturated ones (relative luminance, WCAG).</summary>
    public static string TextColour(double? score)
    {
        if (score is not { } s) return "#212121";
        var (r, g, b) = Rgb(Math.Clamp(s, 0, 1));
        static double Linear(double c) => c / 255 <= 0.03928 ? c / 255 / 12.92 : Math.Pow((c / 255 + 0.055) / 1.055, 2.4);
        var luminance = 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
        return luminance > 0.3 ? "#212121" : "#ffffff";
    }

    public static string Word(AgreementRelation relation) => relation switch
    {
        AgreementRelation.Agree => "agree",
        AgreementRelation.Disagree => "disagree",
        AgreementRelation.Partial => "partly agree",
        _ => "no score",
    };

    /// <summary>The relation, or "uncertain" when the pair's interval straddles the agree/disagree line (2.0).</summary>
    public static string Word(PairAgreement agreement) => agreement.Uncertain ? "uncertain" : Word(agreement.Relation);

    public static string ScoreText(double? score) => score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>"0.31–0.62", the 95% interval of a 2.0 score; empty under 1.0.</summary>
    public static string IntervalText(PairAgreement agreement) =>
        agreement.Interval is { } i ? $"{ScoreText(i.Low)}–{ScoreText(i.High)}" : "";

    /// <summary>"Emmanuel Macron and Olaf Scholz: disagree, score 0.19 (95% 0.02–0.41), on 5 statements".</summary>
    public static string Describe(string nameA, string nameB, PairAgreement agreement, int statements) =>
        agreement.Score is null
            ? $"{nameA} and {nameB}: no score, one of them has no position"
            : $"{nameA} and {nameB}: {Word(agreement)}, score {ScoreText(agreement.Score)}" +
              (agreement.Interval is null ? "" : $" (95% {IntervalText(agreement)})") + $", on {statements} statement{(statements == 1 ? "" : "s")}";

    /// <summary>
    /// A matrix cell's name: what the cell shows first (so a voice user can say it), then the pair,
    /// "0.28 0.00–0.61 uncertain: Emmanuel Macron and Olaf Scholz, on 3 statements".
    /// </summary>
    public static string CellLabel(string nameA, string nameB, PairAgreement agreement, int statements)
    {
        var shown = string.Join(" ", new[] { ScoreText(agreement.Score), agreement.Score is null ? "" : IntervalText(agreement), Word(agreement) }.Where(s => s.Length > 0));
        return agreement.Score is null
            ? $"{shown}: {nameA} and {nameB}, one of them has no position"
            : $"{shown}: {nameA} and {nameB}, on {statements} statement{(statements == 1 ? "" : "s")}";
    }

    private static (double R, double G, double B) Rgb(double s)
    {
        var (from, to, t) = s < 0.5 ? (Low, Middle, s / 0.5) : (Middle, High, (s - 0.5) / 0.5);
        return (from.R + (to.R - from.R) * t, from.G + (to.G - from.G) * t, from.B + (to.B - from.B) * t);
    }
}
