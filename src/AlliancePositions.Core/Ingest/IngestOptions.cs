using System.ComponentModel.DataAnnotations;

namespace AlliancePositions.Core.Ingest;

/// <summary>How the server fetches pages and feeds (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// <c>host:port</c> pairs fetched even though they resolve to a refused range (loopback, private, link-local,
    /// multicast): an intranet press office, or a test's own site on 127.0.0.1. Empty by default.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The largest response read, in bytes; a larger one is refused.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long one fetch, redirects included, may take.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Whether the background service polls due feeds; off, feeds are polled only on request.</summary>
    public bool PollFeeds { get; set; } = true;

    /// <summary>How often the background service looks for due feeds.</summary>
    [Range(1, 3600)]
    public int PollCheckSeconds { get; set; } = 60;

    /// <summary>A new feed's interval when the request names none.</summary>
    [Range(5, 7 * 24 * 60)]
    public int DefaultIntervalMinutes { get; set; } = 60;
}
