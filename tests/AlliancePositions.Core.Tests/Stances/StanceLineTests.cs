using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceLineTests
{
    [Fact]
    public void A_long_line_is_thinned_to_the_page_but_keeps_every_change_of_band_and_its_last_point()
    {
        var start = new DateOnly(2014, 1, 1);
        var line = Enumerable.Range(0, 5000).Select(i => new StancePoint(PartialDate.Create(start.AddDays(i), DatePrecision.Day),
            i < 1234 ? 2 : i < 4321 ? -1 : 0, i < 1234 ? StanceBand.Supports : i < 4321 ? StanceBand.LeansOppose : StanceBand.Ambiguous, $"s{i}")).ToList();

        var thinned = StanceLine.Thin(line);

        Assert.InRange(thinned.Count, 100, StanceLine.MaxPoints);
        Assert.Contains(thinned, p => p.StatementKey == "s1234");
        Assert.Contains(thinned, p => p.StatementKey == "s4321");
        Assert.Equal("s4999", thinned[^1].StatementKey);
        Assert.Equal(thinned.OrderBy(p => p.Date.Value), thinned);
    }

    [Fact]
    public void A_short_line_is_drawn_as_it_is()
    {
        var line = new[] { new StancePoint(PartialDate.Month(2024, 2), 1.25, StanceBand.LeansSupport, "macron-readiness") };
        Assert.Same(line, StanceLine.Thin(line));
    }
}
