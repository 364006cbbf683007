namespace AlliancePositions.Core.Statements;

public enum RelationType
{
    Denies,
    Clarifies,
    Retracts,
    Reinterprets,
    ReportsOn,
}

/// <summary>From one statement to an earlier one: the Estonian minister's reading reinterprets Macron's words.</summary>
public class StatementRelation
{
    public int Id { get; set; }
    public int FromStatementId { get; set; }
    public Statement FromStatement { get; set; } = null!;
    public RelationType Type { get; set; }
    public int ToStatementId { get; set; }
    public Statement ToStatement { get; set; } = null!;
}
