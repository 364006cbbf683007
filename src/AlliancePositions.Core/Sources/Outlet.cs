namespace AlliancePositions.Core.Sources;

/// <summary>A publisher whose track record sets the reliability its documents inherit.</summary>
public class Outlet
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public SourceGrade Reliability { get; set; } = SourceGrade.F;
}
