using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Ingest;

public enum InboxReason
{
    /// <summary>A feed brought a document the corpus did not have.</summary>
    Added,

    /// <summary>A feed's article changed: the document has a new revision.</summary>
    Revised,
}

/// <summary>A document a feed brought in, waiting for an analyst to read, dismiss or open it to annotate.</summary>
public class InboxEntry
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int? FeedId { get; set; }
    public Feed? Feed { get; set; }
    public InboxReason Reason { get; set; }

    /// <summary>The document's revision this entry is about.</summary>
    public int Revision { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    public string? DismissedBy { get; set; }
}
