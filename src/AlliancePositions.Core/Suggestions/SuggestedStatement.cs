using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Suggestions;

/// <summary>A span of the text: UTF-16 code units, end exclusive, as annotations use.</summary>
public sealed record TextSpan(int Start, int End, string Exact);

/// <summary>A question a passage bears on, with the ranking score and, when coded neighbours allow, a suggested position.</summary>
public sealed record QuestionSuggestion(string Slug, double Score, int? Position);

/// <summary>
/// One proposed statement: the passage, who said or did it (a known actor, or the words naming them), when (with the
/// words that gave the date), what kind, which questions, and how sure the rules are. Nothing is stored as a
/// statement until an analyst accepts it.
/// </summary>
public sealed record SuggestedStatement(TextSpan Span, string? ActorSlug, TextSpan? SpeakerMention, StatementKind Kind, PartialDate Date,
    string DateEvidence, IReadOnlyList<QuestionSuggestion> Questions, double Confidence)
{
    /// <summary>Identifies the proposal across recomputations: the same passage by the same speaker is the same suggestion.</summary>
    public string Fingerprint => $"{Span.Start}:{Span.End}:{ActorSlug ?? "@" + SpeakerMention?.Exact}";
}
