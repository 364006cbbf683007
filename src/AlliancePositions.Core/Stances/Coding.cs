using AlliancePositions.Core.Data;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// One coder's reading of one statement on one question, from -2 to +2. One per coder, statement and question: a
/// second reading by the same coder replaces the first.
/// </summary>
public class Coding : EditableRecord
{
    public int StatementId { get; set; }
    public Statement Statement { get; set; } = null!;
    public int QuestionId { get; set; }
    public Question Question { get; set; } = null!;
    public int CoderId { get; set; }
    public Coder Coder { get; set; } = null!;
    public int Position { get; set; }

    public override string AuditKey => $"{Statement?.Key}/{Question?.Slug}/{Coder?.Key}";

    /// <summary>A condition the position carries ("training only"), shown beside an ambiguous band.</summary>
    public string? Qualifier { get; set; }

    public const int MinPosition = -2;
    public const int MaxPosition = 2;
}
