using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Suggestions;

/// <summary>
/// What the statement form starts with for a passage: the assistant's reading of who, when (with the words that gave
/// it), what kind, and which questions (a position only as a suggestion). The analyst confirms or changes each.
/// </summary>
public sealed record StatementPrefill(SuggestedActor? Actor, string? SpeakerMention, PartialDate? Date, string? DateEvidence, StatementKind? Kind,
    IReadOnlyList<QuestionSuggestion> Questions)
{
    public static StatementPrefill From(SuggestionRow row) => new(row.Actor, row.SpeakerMention?.Exact,
        new PartialDate(row.Date, WireNames.TryParse<DatePrecision>(row.DatePrecision, out var p) ? p : DatePrecision.Day), row.DateEvidence,
        WireNames.TryParse<StatementKind>(row.Kind, out var k) ? k : StatementKind.Reported, row.Questions);
}
