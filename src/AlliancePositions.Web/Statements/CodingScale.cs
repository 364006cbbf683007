using AlliancePositions.Core.Questions;

namespace AlliancePositions.Web.Statements;

/// <summary>
/// The -2..+2 coding scale in a question's own words, as the coding form offers it. A pole's meaning is quoted as the
/// analysts wrote it: lower-casing its first letter turned "NATO must stay out" into "nATO must stay out".
/// </summary>
public static class CodingScale
{
    public static readonly int[] Positions = [-2, -1, 0, 1, 2];

    public static string Describe(int position, QuestionSummary question) => position switch
    {
        -2 => $"−2 · {question.MinusTwoMeans}",
        -1 => $"−1 · Leans towards: {question.MinusTwoMeans}",
        0 => "0 · Neither, or balanced",
        1 => $"+1 · Leans towards: {question.PlusTwoMeans}",
        2 => $"+2 · {question.PlusTwoMeans}",
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "Positions run from -2 to +2."),
    };
}
