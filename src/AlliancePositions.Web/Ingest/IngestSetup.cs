using AlliancePositions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Ingest;

public static class IngestSetup
{
    /// <summary>Binds and checks <c>Ingest:*</c> at start, and runs the feed poller (which does nothing when <c>Ingest:PollFeeds</c> is false).</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.AllowedHosts.All(IsHostAndPort), "Ingest:AllowedHosts lists host:port pairs, such as intranet.example:443 or 127.0.0.1:5080.")
            .ValidateOnStart();
        services.AddHostedService<FeedPolling>();
        return services;
    }

    private static bool IsHostAndPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], out var port) && port is > 0 and <= 65535;
    }
}

/// <summary>
/// Polls the feeds that are due, every <c>Ingest:PollCheckSeconds</c> on the app's <see cref="TimeProvider"/>. One app
/// instance per database polls (several would poll the same feed twice; see docs/sources.md).
/// </summary>
internal sealed class FeedPolling(FeedService feeds, IOptions<IngestOptions> options, TimeProvider clock, ILogger<FeedPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollFeeds) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollCheckSeconds), clock);
        do
        {
            try
            {
                await feeds.PollDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Polling the due feeds failed; trying again in {Seconds} seconds", options.Value.PollCheckSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
