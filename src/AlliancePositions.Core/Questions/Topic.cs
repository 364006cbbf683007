namespace AlliancePositions.Core.Questions;

/// <summary>A subject in a hierarchy (escalation &gt; troop deployment); a filter on a topic includes its sub-topics.</summary>
public class Topic
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public Topic? Parent { get; set; }
    public List<Topic> Children { get; set; } = [];

    /// <summary>Checked on every update, so a second analyst's stale save is refused instead of overwriting.</summary>
    public int Version { get; set; } = 1;
}
