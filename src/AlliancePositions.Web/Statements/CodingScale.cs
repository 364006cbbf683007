using AlliancePositions.Core.Questions;

namespace AlliancePositions.Web.Statements;

/// <summary>The -2..+2 coding scale in a question's own words, as the coding form offers it.</summary>
public static class CodingScale
{
    public static readonly int[] Positions = [-2, -1, 0, 1, 2];

    public static string Describe(int position, QuestionSummary question) => position switch
    {
        -2 => $"−2 · {question.MinusTwoMeans}",
        -1 => $"−1 · Leans towards: {Lower(question.MinusTwoMeans)}",
        0 => "0 · Neither, or balanced",
        1 => $"+1 · Leans towards: {Lower(question.PlusTwoMeans)}",
        2 => $"+2 · {question.PlusTwoMeans}",
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Positions run from -2 to +2."),
    };

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
