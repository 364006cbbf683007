using System.Globalization;
using System.Net;
using System.Text;
using AlliancePositions.Core.Exports;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Components.Shared;

namespace AlliancePositions.Web.Questions;

/// <summary>
/// The agreement matrix as files for a briefing: CSV (one row per pair) and an SVG heat map, both stamped with asOf,
/// knownAt and the methodology version, both from the same <see cref="QuestionStances"/> the page draws.
/// </summary>
public static class AgreementExport
{
    public static string Csv(QuestionSummary question, QuestionStances stances, TimeAxes axes)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteComment($"Agreement on: {question.Title}");
        csv.WriteComment(axes.Stamp);
        csv.WriteComment("score = 1 - |position A - position B| / 4; empty when either actor has no position");
        csv.WriteComment("methodology 2.0: 95% intervals of each position (not clipped) and of the score; uncertain when the score's straddles 0.5; empty under 1.0");
        csv.WriteRow(["actor_a", "actor_a_name", "band_a", "position_a", "actor_b", "actor_b_name", "band_b", "position_b", "relation", "score",
            "position_a_low", "position_a_high", "position_b_low", "position_b_high", "score_low", "score_high", "uncertain"]);
        var byActor = stances.Stances.ToDictionary(s => s.Actor.Slug);
        foreach (var cell in stances.Matrix.Cells)
        {
            var (a, b) = (byActor[cell.ActorA], byActor[cell.ActorB]);
            csv.WriteRow([a.Actor.Slug, a.Actor.Name, a.Stance.Band.ToWire(), Number(a.Stance.Position),
                b.Actor.Slug, b.Actor.Name, b.Stance.Band.ToWire(), Number(b.Stance.Position),
                cell.Agreement.Relation.ToString().ToLowerInvariant(), Number(cell.Agreement.Score),
                Number(a.Stance.Interval?.Low), Number(a.Stance.Interval?.High), Number(b.Stance.Interval?.Low), Number(b.Stance.Interval?.High),
                Number(cell.Agreement.Interval?.Low), Number(cell.Agreement.Interval?.High),
                cell.Agreement.Interval is null ? "" : cell.Agreement.Uncertain ? "true" : "false"]);
        }
        return text.ToString();
    }

    public static string Svg(QuestionSummary question, QuestionStances stances, TimeAxes axes)
    {
        const int label = 200, cell = 68, top = 210, legend = 70;
        var actors = stances.Stances;
        var lookup = new AgreementLookup(stances.Matrix);
        var width = Math.Max(label + Math.Max(1, actors.Count) * cell + 20, 500);
        var height = top + actors.Count * cell + legend;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12" role="img">""");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Xml($"Agreement on: {question.Title} ({axes.Stamp})")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="8" y="20" font-size="15" font-weight="600">{Xml(question.Title)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="8" y="40" fill="#555">{Xml(axes.Stamp)}</text>""");
        for (var i = 0; i < actors.Count; i++)
        {
            var x = label + i * cell + cell / 2;
            svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate({x + 4},{top - 8}) rotate(-60)">{Xml(actors[i].Actor.Name)}</text>""");
            var y = top + i * cell + cell / 2 + 4;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{label - 8}" y="{y}" text-anchor="end">{Xml(actors[i].Actor.Name)}</text>""");
        }
        for (var row = 0; row < actors.Count; row++)
        {
            for (var column = 0; column < actors.Count; column++)
            {
                var (x, y) = (label + column * cell, top + row * cell);
                var same = row == column;
                var agreement = same ? null : lookup.Between(actors[row].Actor.Slug, actors[column].Actor.Slug);
                var fill = same ? "#ffffff" : AgreementScale.Colour(agreement!.Score);
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="#ffffff" stroke-width="2">""");
                if (!same) svg.Append(CultureInfo.InvariantCulture, $"<title>{Xml(AgreementScale.Describe(actors[row].Actor.Name, actors[column].Actor.Name, agreement!, actors[row].Stance.EvidenceCount + actors[column].Stance.EvidenceCount))}</title>");
                svg.Append("</rect>");
                if (same) continue;
                var colour = AgreementScale.TextColour(agreement!.Score);
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + cell / 2}" y="{y + cell / 2}" text-anchor="middle" fill="{colour}">{AgreementScale.ScoreText(agreement.Score)}</text>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + cell / 2}" y="{y + cell / 2 + 14}" text-anchor="middle" font-size="10" fill="{colour}">{Xml(AgreementScale.Word(agreement))}</text>""");
                if (agreement.Interval is not null && agreement.Score is not null)
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + cell / 2}" y="{y + cell / 2 + 26}" text-anchor="middle" font-size="9" fill="{colour}">{AgreementScale.IntervalText(agreement)}</text>""");
            }
        }
        Legend(svg, 8, top + actors.Count * cell + 24);
        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg, int x, int y)
    {
        const int steps = 30, step = 10, ramp = steps * step;
        for (var i = 0; i < steps; i++)
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x + i * step}" y="{y}" width="{step}" height="12" fill="{AgreementScale.Colour(i / (steps - 1.0))}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="{y + 28}">0 opposite poles</text><text x="{x + ramp / 2}" y="{y + 28}" text-anchor="middle">0.5</text><text x="{x + ramp}" y="{y + 28}" text-anchor="end">1 same position</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x + ramp + 24}" y="{y}" width="12" height="12" fill="{AgreementScale.UnknownColour}"/><text x="{x + ramp + 42}" y="{y + 10}">no score (no position)</text>""");
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Xml(string text) => WebUtility.HtmlEncode(XmlSafe.Text(text));
}
