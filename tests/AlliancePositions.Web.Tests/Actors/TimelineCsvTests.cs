using AlliancePositions.Core.Actors;
using AlliancePositions.Generator;
using AlliancePositions.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Actors;

/// <summary>
/// The timeline CSV of an actor whose history is longer than the count cap: the export must page to the very end,
/// although past the cap the pages only say "10,000+".
/// </summary>
public sealed class TimelineCsvTests : IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"alliancepositions-timeline-csv-{Guid.NewGuid():N}.db");
    private AppFactory app = null!;

    public async ValueTask InitializeAsync()
    {
        // One actor says every statement and attends every meeting.
        await SyntheticCorpus.GenerateAsync(new SyntheticCorpusOptions(1, Page<TimelineItem>.CountCap + 300, 5, 3, databaseFile), null,
            TestContext.Current.CancellationToken);
        app = new AppFactory { DatabaseFile = databaseFile };
    }

    [Fact]
    public async Task The_csv_holds_every_entry_past_the_count_cap()
    {
        int expected;
        string slug;
        await using (var db = app.CreateDbContext())
        {
            slug = await db.Actors.Select(a => a.Slug).SingleAsync(TestContext.Current.CancellationToken);
            expected = await db.Statements.CountAsync(TestContext.Current.CancellationToken) + await db.Meetings.CountAsync(TestContext.Current.CancellationToken);
        }
        using var client = app.CreateClient();

        // Far-future axes: every statement had been said and published by then.
        var csv = await client.GetStringAsync($"/api/actors/{slug}/timeline.csv?asOf=2100-01-01&knownAt=2100-01-01", TestContext.Current.CancellationToken);

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("\"#", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.True(expected > Page<TimelineItem>.CountCap);
        Assert.Equal(expected, rows.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }
}
