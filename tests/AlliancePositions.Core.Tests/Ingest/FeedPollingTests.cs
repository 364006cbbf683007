using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Core.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Ingest;

public class FeedPollingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Editor Ana = new("ana", "user-ana");

    /// <summary>The feed service over a real database and clock the test moves; port 9 on loopback is allowed and answers nothing.</summary>
    private static FeedService Feeds(TestDatabase database, FakeTimeProvider clock)
    {
        var options = Options.Create(new IngestOptions { AllowedHosts = ["127.0.0.1:9"], TimeoutSeconds = 5 });
        var fetcher = new PageFetcher(options, NullLogger<PageFetcher>.Instance);
        var documents = new DocumentService(database, clock, NullLogger<DocumentService>.Instance);
        var revisions = new RevisionService(database, clock, NullLogger<RevisionService>.Instance);
        var ingest = new IngestService(database, fetcher, documents, revisions, clock);
        return new FeedService(database, fetcher, ingest, new InboxService(database, clock), options, clock, NullLogger<FeedService>.Instance);
    }

    [Fact]
    public async Task A_feed_is_polled_when_due_and_after_a_failure_only_once_the_doubled_interval_has_passed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var feeds = Feeds(database, clock);
        var subscribed = await feeds.SubscribeAsync(new SubscribeFeedRequest("http://127.0.0.1:9/feed.xml", IntervalMinutes: 30), Ana, Ct);
        Assert.True(subscribed.Succeeded);

        Assert.Equal(1, await feeds.PollDueAsync(Ct));
        var failed = Assert.Single(await feeds.ListAsync(Ct));
        Assert.Equal(1, failed.FailureCount);
        Assert.NotNull(failed.LastError);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await feeds.PollDueAsync(Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await feeds.PollDueAsync(Ct));
        Assert.Equal(2, Assert.Single(await feeds.ListAsync(Ct)).FailureCount);
    }

    [Theory]
    [InlineData(60, 1, 120)]
    [InlineData(60, 3, 480)]
    [InlineData(60, 10, 1440)]
    public void Backoff_doubles_the_interval_for_each_failure_up_to_a_day(int interval, int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), FeedService.Backoff(interval, failures));
}
