using System.Globalization;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class LocalLevelModelTests
{
    /// <summary>The reference series of Fixtures/kalman_local_level.R: R's KalmanRun and KalmanSmooth, daily steps.</summary>
    private static readonly LocalLevelModel Reference = new(PriorMean: 0, PriorVariance: 2.25, DriftPerDay: 0.004);
    private const double ObservationVariance = 0.5;

    private sealed record ReferenceDay(int Day, double? Y, double FilteredMean, double FilteredVar, double SmoothedMean, double SmoothedVar);

    private static List<ReferenceDay> ReadReference() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Stances", "Fixtures", "kalman_local_level.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new ReferenceDay(int.Parse(f[0], CultureInfo.InvariantCulture),
                f[1].Length == 0 ? null : Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]), Number(f[5])))
            .ToList();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Filter_and_smoother_reproduce_R_on_every_day_of_the_reference_series()
    {
        var days = ReadReference();
        Assert.Equal(240, days.Count);
        var steps = days.Select(d => new LevelStep(d.Day, d.Y, ObservationVariance)).ToList();

        var filtered = Reference.Filter(priorDay: 1, steps);
        var smoothed = Reference.Smooth(priorDay: 1, steps);

        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal(days[i].FilteredMean, filtered[i].Mean, 1e-9);
            Assert.Equal(days[i].FilteredVar, filtered[i].Variance, 1e-9);
            Assert.Equal(days[i].SmoothedMean, smoothed[i].Mean, 1e-9);
            Assert.Equal(days[i].SmoothedVar, smoothed[i].Variance, 1e-9);
        }
    }

    [Fact]
    public void Skipping_the_days_without_an_observation_gives_Rs_values_on_the_observed_days()
    {
        var days = ReadReference();
        var observed = days.Where(d => d.Y is not null).ToList();
        var steps = observed.Select(d => new LevelStep(d.Day, d.Y, ObservationVariance)).ToList();

        var filtered = Reference.Filter(priorDay: 1, steps);
        var smoothed = Reference.Smooth(priorDay: 1, steps);

        Assert.Equal(12, observed.Count);
        for (var i = 0; i < observed.Count; i++)
        {
            Assert.Equal(observed[i].FilteredMean, filtered[i].Mean, 1e-9);
            Assert.Equal(observed[i].FilteredVar, filtered[i].Variance, 1e-9);
            Assert.Equal(observed[i].SmoothedMean, smoothed[i].Mean, 1e-9);
            Assert.Equal(observed[i].SmoothedVar, smoothed[i].Variance, 1e-9);
        }
    }

    [Fact]
    public void Smoothed_means_equal_the_posterior_of_the_same_model_solved_as_one_linear_system()
    {
        // What R's routine cannot express: a variance per observation and several observations on one day.
        var model = new LocalLevelModel(PriorMean: 0.3, PriorVariance: 2.25, DriftPerDay: 0.002);
        LevelStep[] steps =
        [
            new(10, 2, 0.3), new(10, 1, 1.2), new(11, 1.5, 0.5), new(40, null), new(95, -1, 0.25),
            new(95, -2, 0.8), new(95, 0, 2.0), new(160, -1.5, 0.4), new(300, 0.5, 0.6),
        ];

        var smoothed = model.Smooth(priorDay: 10, steps);
        var (posteriorMean, posteriorVariance) = DensePosterior(model, priorDay: 10, steps);

        for (var k = 0; k < steps.Length; k++)
        {
            var state = StateOf(steps, k);
            Assert.Equal(posteriorMean[state], smoothed[k].Mean, 1e-9);
            Assert.Equal(posteriorVariance[state], smoothed[k].Variance, 1e-9);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void The_weights_of_prior_and_observations_rebuild_the_smoothed_and_filtered_means(int at)
    {
        var model = new LocalLevelModel(PriorMean: 0.3, PriorVariance: 2.25, DriftPerDay: 0.002);
        LevelStep[] steps =
        [
            new(10, 2, 0.3), new(10, 1, 1.2), new(11, 1.5, 0.5), new(40, null), new(95, -1, 0.25),
            new(95, -2, 0.8), new(95, 0, 2.0), new(160, -1.5, 0.4), new(300, 0.5, 0.6),
        ];

        var smoothed = model.Smooth(10, steps)[at];
        var (prior, weights) = model.Weights(10, steps, at);
        var prefix = steps.Take(at + 1).ToList();
        var filtered = model.Filter(10, prefix)[at];
        var (filteredPrior, filteredWeights) = model.Weights(10, prefix, at);

        Assert.Equal(smoothed.Mean, prior * model.PriorMean + steps.Select((s, k) => weights[k] * (s.Value ?? 0)).Sum(), 1e-12);
        Assert.Equal(1, prior + weights.Sum(), 1e-12);
        Assert.Equal(filtered.Mean, filteredPrior * model.PriorMean + prefix.Select((s, k) => filteredWeights[k] * (s.Value ?? 0)).Sum(), 1e-12);
        Assert.Equal(0, weights[3]); // a day without an observation carries no weight
    }

    [Fact]
    public void Steps_out_of_date_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Reference.Filter(5, [new LevelStep(4, 1, 1)]));
    }

    /// <summary>The index of the distinct day (the latent state) a step belongs to.</summary>
    private static int StateOf(LevelStep[] steps, int k) => steps.Take(k + 1).Select(s => s.Day).Distinct().Count() - 1;

    /// <summary>
    /// The posterior of the states (one per distinct day) written as one Gaussian: prior and random-walk increments and
    /// observations as quadratic terms, the precision matrix and vector built and the system solved by Gauss-Jordan.
    /// </summary>
    private static (double[] Mean, double[] Variance) DensePosterior(LocalLevelModel model, int priorDay, LevelStep[] steps)
    {
        var days = steps.Select(s => s.Day).Distinct().ToArray();
        var n = days.Length;
        var precision = new double[n, n];
        var vector = new double[n];
        // Prior on the first state, after the drift from the prior's day to it.
        var firstVariance = model.PriorVariance + model.DriftPerDay * (days[0] - priorDay);
        precision[0, 0] += 1 / firstVariance;
        vector[0] += model.PriorMean / firstVariance;
        for (var i = 1; i < n; i++)
        {
            var w = 1 / (model.DriftPerDay * (days[i] - days[i - 1]));
            precision[i, i] += w;
            precision[i - 1, i - 1] += w;
            precision[i, i - 1] -= w;
            precision[i - 1, i] -= w;
        }
        foreach (var step in steps.Where(s => s.Value is not null))
        {
            var i = Array.IndexOf(days, step.Day);
            precision[i, i] += 1 / step.Variance;
            vector[i] += step.Value!.Value / step.Variance;
        }
        var inverse = Invert(precision);
        var mean = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                mean[i] += inverse[i, j] * vector[j];
        return (mean, Enumerable.Range(0, n).Select(i => inverse[i, i]).ToArray());
    }

    private static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++) inverse[i, i] = 1;
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (var c = 0; c < n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                (inverse[col, c], inverse[pivot, c]) = (inverse[pivot, c], inverse[col, c]);
            }
            var scale = a[col, col];
            for (var c = 0; c < n; c++) { a[col, c] /= scale; inverse[col, c] /= scale; }
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var factor = a[r, col];
                for (var c = 0; c < n; c++) { a[r, c] -= factor * a[col, c]; inverse[r, c] -= factor * inverse[col, c]; }
            }
        }
        return inverse;
    }
}
