using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Suggestions;

public enum SuggestionStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A statement the assistant proposed for a document, kept until an analyst decides: accepted (with the statement it
/// became and who accepted it) or rejected (remembered, so recomputing never proposes it again).
/// </summary>
public class Suggestion : EditableRecord
{
    public required string Key { get; set; }

    public override string AuditKey => Key;
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;

    /// <summary>The passage and speaker (<see cref="SuggestedStatement.Fingerprint"/>): one suggestion per document.</summary>
    public required string Fingerprint { get; set; }

    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public int? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public int? MentionStart { get; set; }
    public int? MentionEnd { get; set; }
    public string? MentionExact { get; set; }
    public StatementKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public string DateEvidence { get; set; } = "";

    /// <summary>The ranked questions as JSON (<see cref="QuestionSuggestion"/>[]): read and written whole, never queried.</summary>
    public string Questions { get; set; } = "[]";

    public double Confidence { get; set; }
    public SuggestionStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The statement an accepted suggestion became.</summary>
    public string? StatementKey { get; set; }
}
