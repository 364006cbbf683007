using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Questions;

namespace AlliancePositions.Core.Stances;

/// <summary>The shape of an actor's record on one question, as the plain-language sentence tells it.</summary>
public enum StanceHistoryPattern
{
    /// <summary>Nothing said, or nothing that still counts.</summary>
    Silent,

    /// <summary>Statements that count, but too few, too weak or too old to place a stance.</summary>
    NotEnoughEvidence,

    /// <summary>One statement places the stance.</summary>
    OneStatement,

    /// <summary>On one side throughout.</summary>
    Consistent,

    /// <summary>One change of side.</summary>
    Shifted,

    /// <summary>Two or more changes of side.</summary>
    Mixed,
}

/// <summary>One sentence on an actor's stance history on one question, as of a date: what a reader would say of the chart.</summary>
public sealed record StanceSentence(string Question, StanceHistoryPattern Pattern, string Text);

/// <summary>
/// Turns a stance and the line that led to it into a sentence ("has consistently opposed (towards “…”) since Feb 2024, on
/// 5 statements"). Pure: the stance service computes both inputs; the pole wording comes from the question record.
/// </summary>
public static class StanceSentences
{
    /// <summary>One sentence per question, in the order given; a question without stance or line is a silent one.</summary>
    public static IReadOnlyList<StanceSentence> ForActor(string actorName, IReadOnlyList<QuestionSummary> questions,
        IReadOnlyDictionary<string, Stance> stances, IReadOnlyDictionary<string, (IReadOnlyList<StancePoint> Line, IReadOnlyList<Shift> Shifts)> history) =>
        questions.Select(q => Describe(actorName, q, stances.GetValueOrDefault(q.Slug) ?? Stance.NoRecord,
            history.TryGetValue(q.Slug, out var h) ? h.Line : [])).ToList();

    /// <summary>
    /// The history is read from <paramref name="line"/> (the stance after each day with evidence, as the chart draws it):
    /// a change of side is a day whose band sits on another side than the last placed one; days without a placed stance
    /// (not enough evidence) neither break nor start a run. The present comes from <paramref name="stance"/>, whose
    /// <see cref="Stance.EvidenceCount"/> is the number of statements that count. Dates keep their precision: a
    /// month-dated change reads "in Feb 2024", a day-dated one "on 26 Feb 2024".
    /// </summary>
    public static StanceSentence Describe(string actorName, QuestionSummary question, Stance stance, IReadOnlyList<StancePoint> line)
    {
        var runs = Runs(line);
        if (stance.Side is not { } side)
        {
            return stance.Band == StanceBand.NotEnoughEvidence
                ? new(question.Slug, StanceHistoryPattern.NotEnoughEvidence, NotEnough(actorName, stance.EvidenceCount, runs))
                : new(question.Slug, StanceHistoryPattern.Silent, line.Count == 0
                    ? $"{actorName} has said nothing on this."
                    : $"Nothing {actorName} said on this still counts: it was retracted.");
        }

        // The present is the stance itself: under 2.0 it may have settled on a side after the last day with evidence.
        if (runs.Count == 0 || runs[^1].Side != side) runs.Add((side, stance.Since ?? (line.Count > 0 ? line[^1].Date : PartialDate.Create(DateOnly.MinValue, DatePrecision.Year))));
        var toward = Toward(question, stance.Band);
        var count = stance.EvidenceCount;
        var (pattern, text) = runs.Count switch
        {
            1 when count == 1 => (StanceHistoryPattern.OneStatement, $"{actorName} {Present(side)}{toward}, on a single statement of {runs[0].Start}."),
            1 => (StanceHistoryPattern.Consistent, $"{actorName} has consistently {Participle(side)}{toward} since {runs[0].Start}, on {count} statements."),
            2 => (StanceHistoryPattern.Shifted,
                $"{actorName} moved from {Gerund(runs[0].Side)} to {Gerund(side)}{toward} {At(runs[1].Start)}; {Counting(count)}."),
            _ => (StanceHistoryPattern.Mixed,
                $"{actorName} has changed position {runs.Count - 1} times and has {Participle(side)}{toward} since {runs[^1].Start}; {Counting(count)}."),
        };
        return new(question.Slug, pattern, text);
    }

    /// <summary>Each run of days on one side, with the day it began.</summary>
    private static List<(Side Side, PartialDate Start)> Runs(IReadOnlyList<StancePoint> line)
    {
        var runs = new List<(Side Side, PartialDate Start)>();
        foreach (var point in line)
        {
            if (point.Band.ToSide() is { } side && (runs.Count == 0 || runs[^1].Side != side)) runs.Add((side, point.Date));
        }
        return runs;
    }

    private static string NotEnough(string actorName, int count, List<(Side Side, PartialDate Start)> runs)
    {
        var said = $"{actorName} has said too little on this, too weakly sourced or too long ago, to place a stance ({Counting(count)})";
        return runs.Count == 0 ? $"{said}." : $"{said}; the last placed stance was {Gerund(runs[^1].Side)}, from {runs[^1].Start}.";
    }

    /// <summary>" (towards “Rules out …”)": the pole's meaning from the question; nothing for an ambiguous stance.</summary>
    private static string Toward(QuestionSummary question, StanceBand band)
    {
        var (pole, leaning) = band switch
        {
            StanceBand.Supports => (question.PlusTwoMeans, false),
            StanceBand.LeansSupport => (question.PlusTwoMeans, true),
            StanceBand.Opposes => (question.MinusTwoMeans, false),
            StanceBand.LeansOppose => (question.MinusTwoMeans, true),
            _ => ("", false),
        };
        return string.IsNullOrWhiteSpace(pole) ? "" : $" ({(leaning ? "leaning " : "")}towards “{pole.Trim().TrimEnd('.')}”)";
    }

    /// <summary>"on 26 Feb 2024", "in Feb 2024", "in 2024": a month is never given a day.</summary>
    private static string At(PartialDate date) => date.Precision == DatePrecision.Day ? $"on {date}" : $"in {date}";

    private static string Counting(int count) => count == 1 ? "1 statement counts" : $"{count} statements count";

    private static string Present(Side side) => side switch
    {
        Side.Support => "supports",
        Side.Oppose => "opposes",
        _ => "is ambiguous",
    };

    private static string Participle(Side side) => side switch
    {
        Side.Support => "supported",
        Side.Oppose => "opposed",
        _ => "been ambiguous",
    };

    private static string Gerund(Side side) => side switch
    {
        Side.Support => "supporting",
        Side.Oppose => "opposing",
        _ => "an ambiguous position",
    };
}
