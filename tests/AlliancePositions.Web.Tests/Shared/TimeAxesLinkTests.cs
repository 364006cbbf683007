using AlliancePositions.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Web.Tests.Shared;

public class TimeAxesLinkTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_link_at_today_with_the_default_lens_carries_nothing()
    {
        var axes = TimeAxes.From(null, null, Clock);

        Assert.Equal("/actors/emmanuel-macron", axes.Link("/actors/emmanuel-macron"));
    }

    [Fact]
    public void A_link_carries_past_dates_and_a_chosen_lens_so_the_view_it_opens_shows_the_same_moment()
    {
        var axes = TimeAxes.From("2024-04-30", "2024-05-02", Clock).Through("2.0", "hindsight");

        Assert.Equal("/questions/troop-deployment?asOf=2024-04-30&knownAt=2024-05-02&view=hindsight", axes.Link("/questions/troop-deployment"));
    }

    [Fact]
    public void A_link_carries_an_earlier_methodology_chosen_on_the_page()
    {
        var axes = TimeAxes.From(null, null, Clock).Through("1.0", null);

        Assert.Equal("/questions?method=1.0", axes.Link("/questions"));
    }

    [Fact]
    public void More_parameters_join_the_axes_and_null_ones_are_left_out()
    {
        var axes = TimeAxes.From("2024-04-30", null, Clock);

        var link = axes.Link("/api/actors/olaf-scholz/timeline.csv", new Dictionary<string, object?> { ["topic"] = "troops", ["question"] = null });

        Assert.Equal("/api/actors/olaf-scholz/timeline.csv?asOf=2024-04-30&topic=troops", link);
    }
}
