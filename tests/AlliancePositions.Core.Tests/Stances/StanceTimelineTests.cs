using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class StanceTimelineTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    [Fact]
    public void Every_point_of_the_replay_equals_the_stance_computed_from_scratch_on_its_day()
    {
        // The replay keeps running sums; the calculator weighs everything as of a date. Both must agree at every point,
        // through additions, a weak item, a retraction and a reversal.
        var random = new Random(7);
        var grades = Enum.GetValues<SourceGrade>();
        var items = Enumerable.Range(0, 60).Select(i =>
        {
            var builder = new EvidenceBuilder().Key($"s{i:00}").On(2022 + i / 25, 1 + i % 12, 1 + random.Next(28))
                .Position(random.Next(-2, 3)).Graded(grades[random.Next(grades.Length)], (Credibility)random.Next(1, 7));
            if (i % 17 == 5) builder.RetractedOn(2025, 6, 1);
            return builder.Build();
        }).ToList();

        var points = StanceTimeline.Walk(items, Today, until: null).ToList();

        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var fromScratch = StanceCalculator.Compute(items, point.Date.Value, Today);
            Assert.Equal(fromScratch.Band, point.Band);
            if (fromScratch.Position is { } position) Assert.Equal(position, point.Position!.Value, 9);
            else Assert.Null(point.Position);
        }
    }
}
