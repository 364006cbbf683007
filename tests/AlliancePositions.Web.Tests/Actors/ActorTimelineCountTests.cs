using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Paging;
using AlliancePositions.Web.Actors;
using Bunit;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Actors;

public class ActorTimelineCountTests : AppComponentTest
{
    [Theory]
    [InlineData(1, false, "1 entry, newest first.")]
    [InlineData(1234, false, "1,234 entries, newest first.")]
    [InlineData(10_000, true, "10,000+ entries, newest first.")]
    public void The_count_under_the_timeline_says_10000_plus_where_it_stopped_at_the_cap(int total, bool capped, string expected)
    {
        Render<MudPopoverProvider>();
        var meeting = new TimelineItem("meeting", "paris-summit", PartialDate.Day(2024, 2, 26), "Paris summit", null, [], ["Emmanuel Macron"]);

        var timeline = Render<ActorTimeline>(p => p
            .Add(x => x.Timeline, new FilteredPage<TimelineItem>(new Page<TimelineItem>([meeting], total, capped), new Dictionary<string, string>()))
            .Add(x => x.Topics, [])
            .Add(x => x.Questions, [])
            .Add(x => x.ClearFiltersLink, "/actors/emmanuel-macron")
            .Add(x => x.CsvLink, "/api/actors/emmanuel-macron/timeline.csv")
            .Add(x => x.ActorLink, slug => $"/actors/{slug}")
            .Add(x => x.MeetingLink, key => $"/meetings/{key}")
            .Add(x => x.QuestionLink, slug => $"/questions/{slug}"));

        Assert.Equal(expected, timeline.Find(".timeline-count").TextContent.Trim());
    }
}
