using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Suggestions;

namespace AlliancePositions.Core.Tests.Suggestions;

/// <summary>A statement an analyst recorded: who, on which spans of the text, and when.</summary>
public sealed record GoldStatement(string Name, string Actor, IReadOnlyList<(int Start, int End)> Spans, PartialDate Date);

/// <summary>
/// How suggestions compare with hand-coded statements. A gold statement is found when a suggestion names its actor on
/// a span overlapping one of its spans, and dated when such a suggestion also has its date and precision. A suggestion
/// is correct when it finds some gold statement.
/// </summary>
public sealed record SuggestionScore(int Gold, int Found, int Dated, int Suggested, int Correct, IReadOnlyList<string> Missed)
{
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;
    public double Precision => Suggested == 0 ? 0 : (double)Correct / Suggested;

    /// <summary>Of the statements found, the share whose date and precision are right.</summary>
    public double DateAccuracy => Found == 0 ? 0 : (double)Dated / Found;

    public static SuggestionScore Of(IReadOnlyList<GoldStatement> gold, IReadOnlyList<SuggestedStatement> suggestions)
    {
        static bool Overlaps(SuggestedStatement s, GoldStatement g) => g.Spans.Any(span => s.Span.Start < span.End && span.Start < s.Span.End);
        static bool Matches(SuggestedStatement s, GoldStatement g) => s.ActorSlug == g.Actor && Overlaps(s, g);
        var found = gold.Where(g => suggestions.Any(s => Matches(s, g))).ToList();
        var dated = found.Count(g => suggestions.Any(s => Matches(s, g) && s.Date == g.Date));
        var correct = suggestions.Count(s => gold.Any(g => Matches(s, g)));
        var missed = gold.Where(g => !suggestions.Any(s => Matches(s, g) && s.Date == g.Date))
            .Select(g => found.Contains(g) ? $"{g.Name} (date)" : g.Name).ToList();
        return new SuggestionScore(gold.Count, found.Count, dated, suggestions.Count, correct, missed);
    }

    public override string ToString() =>
        $"found {Found}/{Gold} (recall {Recall:P0}), dated {Dated}/{Found} (date accuracy {DateAccuracy:P0}), precision {Correct}/{Suggested} ({Precision:P0}); missed: {string.Join(", ", Missed)}";
}
