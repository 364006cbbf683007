using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Tests.Dates;

public class PartialDateTests
{
    [Fact]
    public void Month_precision_shows_the_month_never_a_fake_day() =>
        Assert.Equal("Feb 2024", PartialDate.Month(2024, 2).ToString());

    [Fact]
    public void Day_and_year_precision_show_what_the_source_gives()
    {
        Assert.Equal("26 Feb 2024", PartialDate.Day(2024, 2, 26).ToString());
        Assert.Equal("2024", PartialDate.Year(2024).ToString());
    }

    [Fact]
    public void Create_moves_a_month_precision_date_to_the_first_of_its_month() =>
        Assert.Equal(new DateOnly(2024, 2, 1), PartialDate.Create(new DateOnly(2024, 2, 17), DatePrecision.Month).Value);

    [Fact]
    public void Same_first_day_sorts_the_coarser_date_first_as_iso_prefix_order_does()
    {
        // "2024-02" < "2024-02-01" as strings: the month-precision date is read as the earlier one.
        var month = PartialDate.Month(2024, 2);
        var day = PartialDate.Day(2024, 2, 1);
        Assert.True(month < day);
        Assert.Equal([month, day], new[] { day, month }.Order().ToArray());
        Assert.True(string.CompareOrdinal(month.ToIsoPrefix(), day.ToIsoPrefix()) < 0);
    }

    [Fact]
    public void Iso_prefix_length_is_the_precision()
    {
        Assert.Equal("2024-02", PartialDate.Month(2024, 2).ToIsoPrefix());
        Assert.Equal("2024", PartialDate.Year(2024).ToIsoPrefix());
        Assert.Equal("2024-02-26", PartialDate.Day(2024, 2, 26).ToIsoPrefix());
    }
}
