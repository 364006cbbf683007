namespace AlliancePositions.Core.Questions;

/// <summary>An escalation question that statements are coded on, from -2 (the first pole) to +2 (the second).</summary>
public class Question
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;

    /// <summary>What -2 means ("Rules out any deployment").</summary>
    public required string MinusTwoMeans { get; set; }

    /// <summary>What +2 means ("Calls for deployment").</summary>
    public required string PlusTwoMeans { get; set; }

    /// <summary>Checked on every update, so a second analyst's stale save is refused instead of overwriting.</summary>
    public int Version { get; set; } = 1;
}
