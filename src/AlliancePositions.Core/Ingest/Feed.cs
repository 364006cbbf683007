using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Ingest;

/// <summary>An RSS 2.0 or Atom subscription: polled every <see cref="IntervalMinutes"/>, later after failures.</summary>
public class Feed
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public int? OutletId { get; set; }
    public Outlet? Outlet { get; set; }

    /// <summary>The feed's own title, from its last successful poll.</summary>
    public string? Title { get; set; }
    public int IntervalMinutes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public DateTimeOffset? LastSucceededAt { get; set; }
    public DateTimeOffset NextPollAt { get; set; }

    /// <summary>Validators from the last 200, sent back so an unchanged feed answers 304.</summary>
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public int FailureCount { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An item a feed has listed, so polling again adds nothing twice; the article's validators ride along.</summary>
public class FeedItem
{
    public int Id { get; set; }
    public int FeedId { get; set; }
    public Feed Feed { get; set; } = null!;

    /// <summary>The item's guid (RSS) or id (Atom), or its link when it has none.</summary>
    public required string ItemKey { get; set; }
    public required string Link { get; set; }
    public int? DocumentId { get; set; }
    public Document? Document { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}
