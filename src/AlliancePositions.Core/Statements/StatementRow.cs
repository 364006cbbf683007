using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Statements;

/// <summary>A statement as a list shows it: who, when, what, how credible, and the first evidencing quote.</summary>
public sealed record StatementRow(
    string Key, PartialDate When, string ActorSlug, string ActorName, StatementKind Kind, string Summary,
    Credibility Credibility, SourceGrade SourceGrade, string? Quote, string? DocumentKey, string? MeetingKey, string? MeetingTitle,
    IReadOnlyList<StatementCodingSummary> Codings);

public sealed record StatementCodingSummary(string Question, int Position, string? Qualifier, string Coder);

/// <summary>How the filtered statements split by coded position on one question.</summary>
public sealed record PositionSplit(string Question, IReadOnlyDictionary<int, int> CountByPosition);
