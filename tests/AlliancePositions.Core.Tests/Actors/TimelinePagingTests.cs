using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Tests.Corpus.Generation;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Actors;

/// <summary>
/// The timeline's paging over a history longer than the count cap: one synthetic actor says every statement and attends
/// every meeting, so pages, their order and the capped total can be checked against the whole history sorted here.
/// </summary>
public class TimelinePagingTests(TimelinePagingTests.LongHistory history) : IClassFixture<TimelinePagingTests.LongHistory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int PageSize = 50;

    [Fact]
    public async Task Past_the_count_cap_the_total_stops_at_the_cap_as_the_statement_list_does()
    {
        var first = await TimelineAsync(new TimelineFilter(PageSize: PageSize));

        Assert.True(history.Entries.Count > Page<TimelineItem>.CountCap);
        Assert.True(first.TotalIsCapped);
        Assert.Equal(Page<TimelineItem>.CountCap, first.Total);
        Assert.Equal(history.Entries.Take(PageSize), Keys(first));
    }

    [Fact]
    public async Task The_last_page_knows_the_exact_total()
    {
        var lastPage = (history.Entries.Count + PageSize - 1) / PageSize;
        var last = await TimelineAsync(new TimelineFilter(Page: lastPage, PageSize: PageSize));

        Assert.False(last.TotalIsCapped);
        Assert.Equal(history.Entries.Count, last.Total);
        Assert.Equal(history.Entries.Skip((lastPage - 1) * PageSize), Keys(last));
    }

    [Fact]
    public async Task Pages_continue_each_other_in_one_order_across_statements_and_meetings_on_the_same_date()
    {
        // Somewhere deep in the history, a meeting on the same day as statements: the merge must order them by type
        // ("meeting" before "statement"), then key, and a page boundary must neither repeat nor skip an entry.
        var tie = history.Entries.Select((entry, index) => (entry, index))
            .Where(e => e.entry.Type == "meeting" && e.index > 20 * PageSize
                && history.Entries.Any(other => other.Type == "statement" && other.Date == e.entry.Date))
            .Select(e => e.index).First();
        var firstPage = tie / PageSize;

        var read = new List<(string Type, string Key, DateOnly Date)>();
        for (var page = firstPage; page < firstPage + 3; page++) read.AddRange(Keys(await TimelineAsync(new TimelineFilter(Page: page, PageSize: PageSize))));

        Assert.Equal(history.Entries.Skip((firstPage - 1) * PageSize).Take(3 * PageSize), read);
    }

    [Fact]
    public async Task A_deep_page_honours_the_date_range_and_knownAt()
    {
        var from = new DateOnly(2016, 1, 1);
        var to = new DateOnly(2024, 6, 30);
        var knownAt = new DateOnly(2024, 3, 31);
        var expected = history.Entries
            .Where(e => e.Date >= from && e.Date <= to && (e.Type == "meeting" || (history.KnownFrom[e.Key] ?? e.Date) <= knownAt))
            .ToList();

        var page = await TimelineAsync(new TimelineFilter(From: from, To: to, Page: 40, PageSize: 20, KnownAt: knownAt));

        Assert.Equal(expected.Skip(39 * 20).Take(20), Keys(page));
    }

    private async Task<Page<TimelineItem>> TimelineAsync(TimelineFilter filter) =>
        (await new ActorQueries(history.Database).TimelineAsync(history.Actor, filter, Ct) ?? throw new InvalidOperationException("No such actor.")).Page;

    private static List<(string Type, string Key, DateOnly Date)> Keys(Page<TimelineItem> page) =>
        page.Items.Select(i => (i.Type, i.Key, i.When.Value)).ToList();

    /// <summary>A corpus of one actor with a little more than the count cap in statements, and the meetings they attended.</summary>
    public sealed class LongHistory : IAsyncLifetime
    {
        public GeneratedDatabase Database { get; private set; } = null!;
        public string Actor { get; private set; } = "";

        /// <summary>The actor's whole timeline in its documented order: newest first, then type, then key (ordinal).</summary>
        public IReadOnlyList<(string Type, string Key, DateOnly Date)> Entries { get; private set; } = [];

        public IReadOnlyDictionary<string, DateOnly?> KnownFrom { get; private set; } = new Dictionary<string, DateOnly?>();

        public async ValueTask InitializeAsync()
        {
            Database = await GeneratedDatabase.CreateAsync(Page<TimelineItem>.CountCap + 500, actors: 1, seed: 11);
            await using var db = Database.CreateDbContext();
            var actor = await db.Actors.SingleAsync(Ct);
            Actor = actor.Slug;
            var statements = await db.Statements.Where(s => s.ActorId == actor.Id).Select(s => new { s.Key, s.Date, s.KnownFrom }).ToListAsync(Ct);
            var meetings = await db.Meetings.Where(m => m.Participants.Any(p => p.Id == actor.Id)).Select(m => new { m.Key, m.Date }).ToListAsync(Ct);
            KnownFrom = statements.ToDictionary(s => s.Key, s => s.KnownFrom);
            Entries = statements.Select(s => (Type: "statement", s.Key, s.Date)).Concat(meetings.Select(m => (Type: "meeting", m.Key, m.Date)))
                .OrderByDescending(e => e.Date).ThenBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
                .ToList();
        }

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();
    }
}
