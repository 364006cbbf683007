using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceLensTests
{
    [Fact]
    public void Without_a_method_or_view_stances_are_2_0_as_of()
    {
        var (lens, errors) = StanceLens.Parse(null, null);

        Assert.Empty(errors);
        Assert.Equal(new StanceLens("2.0", StanceView.AsOf), lens);
    }

    [Fact]
    public void Method_1_0_gives_exactly_the_1_0_calculator()
    {
        var evidence = new[] { new EvidenceBuilder().Key("a").On(2024, 1, 10).Position(2).Build(), new EvidenceBuilder().Key("b").On(2024, 6, 1).Position(-2).Build() };
        var day = new DateOnly(2024, 6, 1);
        var (lens, _) = StanceLens.Parse("1.0", null);

        Assert.Equal(StanceCalculator.Compute(evidence, day, day).Arithmetic, lens.Compute(evidence, day, day).Arithmetic);
        Assert.Equal("1.0", lens.Compute(evidence, day, day).Method);
        Assert.Null(lens.Compute(evidence, day, day).Interval);
    }

    [Theory]
    [InlineData("3.0", null, "method")]
    [InlineData(null, "sideways", "view")]
    [InlineData("1.0", "hindsight", "view")]
    public void A_method_or_view_that_cannot_be_read_is_a_field_error(string? method, string? view, string field)
    {
        var (_, errors) = StanceLens.Parse(method, view);

        Assert.Contains(field, errors.Keys);
    }
}
