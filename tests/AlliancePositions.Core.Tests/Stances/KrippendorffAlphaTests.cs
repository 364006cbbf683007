using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class KrippendorffAlphaTests
{
    /// <summary>Krippendorff (2011): 4 observers, 12 units, values 1-5; unit 12 has one value and is unpairable.</summary>
    private static readonly int[][] Published =
    [
        [1, 1, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [5, 5, 5], [1, 1], [3],
    ];

    /// <summary>Wikipedia's computational example, by unit: coders c1, c2, c3 with missing values left out.</summary>
    private static readonly int[][] Wikipedia =
    [
        [1], [], [2, 2], [1, 1], [3, 3], [3, 3, 4], [4, 4, 4], [1, 3], [2, 2], [1, 1], [1, 1], [3, 3], [3, 3], [], [3, 4],
    ];

    /// <summary>Coders A = +2, −1, 0, −2, +1 and B = +2, −2, +1, −2, · on s1..s5.</summary>
    private static readonly int[][] StanceScale = [[2, 2], [-1, -2], [0, 1], [-2, -2], [1]];

    [Theory]
    [InlineData(DifferenceFunction.Nominal, 113.0 / 152)] // 0.743
    [InlineData(DifferenceFunction.Ordinal, 0.81539)] // 0.815, 1 - (1891/40) / (3329/13)
    [InlineData(DifferenceFunction.Interval, 951.0 / 1120)] // 0.849
    public void Published_example_gives_the_published_values(DifferenceFunction difference, double expected)
    {
        var result = KrippendorffAlpha.Compute(Published, difference);

        Assert.Equal(expected, result.Alpha!.Value, 5);
        Assert.Equal((11, 40), (result.PairableUnits, result.PairableValues));
    }

    [Fact]
    public void Marginals_count_pairable_values_only()
    {
        var marginals = KrippendorffAlpha.Marginals(KrippendorffAlpha.Coincidences(Published.Where(u => u.Length > 1).ToList()));

        // Ten 3s are pairable; the lone 3 of unit 12 is not (raw count 11, which would give ordinal 0.816).
        Assert.Equal([9, 13, 10, 5, 3], marginals.Values.Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Default_difference_is_ordinal() =>
        Assert.Equal(0.815, KrippendorffAlpha.Compute(Published).Alpha!.Value, 3);

    [Theory]
    [InlineData(DifferenceFunction.Nominal, 56.0 / 81)] // 0.691358
    [InlineData(DifferenceFunction.Interval, 643.0 / 793)] // 0.810845
    public void Wikipedia_example_gives_its_values(DifferenceFunction difference, double expected) =>
        Assert.Equal(expected, KrippendorffAlpha.Compute(Wikipedia, difference).Alpha!.Value, 6);

    [Theory]
    [InlineData(DifferenceFunction.Nominal, 5.0 / 12)] // D_o = 4/8, D_e = 48/56
    [InlineData(DifferenceFunction.Ordinal, 281.0 / 316)] // δ²(−2,−1) = ((3+1)/2)² = 4, D_o = 10/8, D_e = 79/7
    [InlineData(DifferenceFunction.Interval, 79.0 / 86)] // D_o = 4/8, D_e = 344/56
    public void Stance_scale_example_works_on_minus_two_to_plus_two(DifferenceFunction difference, double expected)
    {
        var result = KrippendorffAlpha.Compute(StanceScale, difference);

        Assert.Equal(expected, result.Alpha!.Value, 9);
        Assert.Equal((4, 8), (result.PairableUnits, result.PairableValues));
    }

    [Fact]
    public void Alpha_is_undefined_without_two_codings_of_any_unit()
    {
        var result = KrippendorffAlpha.Compute([[1], [2], []]);

        Assert.Null(result.Alpha);
        Assert.Equal("n/a", result.ToString());
    }

    [Fact]
    public void Alpha_is_undefined_when_every_pairable_value_is_the_same() =>
        Assert.Null(KrippendorffAlpha.Compute([[2, 2], [2, 2, 2], [1]], DifferenceFunction.Nominal).Alpha);
}
