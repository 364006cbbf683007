namespace AlliancePositions.Core.Stances;

/// <summary>
/// One point in time of a local-level series: an observation (<see cref="Value"/> read with error variance
/// <see cref="Variance"/>) or, with no value, a day at which an estimate is wanted. Several observations on one day
/// are several steps with the same <see cref="Day"/>.
/// </summary>
public readonly record struct LevelStep(int Day, double? Value = null, double Variance = 0);

/// <summary>An estimate with the weights that make its mean and each step's gain: see <see cref="LocalLevelModel.Read"/>.</summary>
public sealed record LevelReading(LevelEstimate Estimate, double PriorWeight, double[] Weights, double[] Gains);

/// <summary>A Gaussian belief about the latent level: its mean and variance.</summary>
public readonly record struct LevelEstimate(double Mean, double Variance)
{
    public double Sd => Math.Sqrt(Variance);
}

/// <summary>
/// The local-level (random walk plus noise) state-space model: the level drifts by a random walk with variance
/// <see cref="DriftPerDay"/> per day, and each observation is the level plus independent noise of its own variance.
/// The prior N(<see cref="PriorMean"/>, <see cref="PriorVariance"/>) is the belief on the prior's day. Days without
/// observations are skipped, not stepped through: a gap of n days adds n × the drift to the variance, which is what
/// a daily filter with missing values does (see the R reference in the tests).
/// </summary>
public sealed record LocalLevelModel(double PriorMean, double PriorVariance, double DriftPerDay)
{
    public LevelEstimate Prior => new(PriorMean, PriorVariance);

    /// <summary>The belief <paramref name="days"/> later with no news: same mean, wider by the drift.</summary>
    public LevelEstimate Predict(LevelEstimate estimate, int days) =>
        estimate with { Variance = estimate.Variance + DriftPerDay * Math.Max(0, days) };

    /// <summary>The Kalman update with one observation <paramref name="value"/> of variance <paramref name="variance"/>.</summary>
    public static LevelEstimate Update(LevelEstimate estimate, double value, double variance)
    {
        var gain = Gain(estimate.Variance, variance);
        // P·r/(P+r) rather than (1-K)·P: the same number, without losing digits when K is close to 1.
        return new(estimate.Mean + gain * (value - estimate.Mean), estimate.Variance * variance / (estimate.Variance + variance));
    }

    /// <summary>The filtered estimate after each step, using the steps up to and including it.</summary>
    public LevelEstimate[] Filter(int priorDay, IReadOnlyList<LevelStep> steps) => Run(priorDay, steps).Filtered;

    /// <summary>The Rauch-Tung-Striebel smoothed estimate at each step, using every step.</summary>
    public LevelEstimate[] Smooth(int priorDay, IReadOnlyList<LevelStep> steps) => Smooth(Run(priorDay, steps));

    private static LevelEstimate[] Smooth(FilterRun run)
    {
        var steps = run.Filtered;
        var smoothed = new LevelEstimate[steps.Length];
        if (steps.Length == 0) return smoothed;
        smoothed[^1] = run.Filtered[^1];
        for (var k = steps.Length - 2; k >= 0; k--)
        {
            var filtered = run.Filtered[k];
            var j = run.SmootherGain[k];
            var next = smoothed[k + 1];
            smoothed[k] = new(filtered.Mean + j * (next.Mean - filtered.Mean),
                filtered.Variance + j * j * (next.Variance - run.Predicted[k + 1]));
        }
        return smoothed;
    }

    /// <summary>
    /// How much the prior mean and each step's value contribute to the smoothed mean at step <paramref name="at"/>:
    /// that mean is exactly <c>prior × PriorMean + Σ steps[k] × value[k]</c>, and the weights sum to 1. For the
    /// filtered mean at a step, pass the steps up to it only. Found in one backward pass (reverse-mode
    /// differentiation of the filter and smoother, which are linear in the values), so a long record costs n, not n².
    /// </summary>
    public (double Prior, double[] Steps) Weights(int priorDay, IReadOnlyList<LevelStep> steps, int at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(at);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(at, steps.Count);
        return Weights(Run(priorDay, steps), at);
    }

    private static (double Prior, double[] Steps) Weights(FilterRun run, int at)
    {
        var n = run.Filtered.Length;
        // Sensitivity of the output to each smoothed mean from `at` on, then to each filtered mean.
        var towardsSmoothed = new double[n];
        towardsSmoothed[at] = 1;
        for (var k = at + 1; k < n; k++) towardsSmoothed[k] = towardsSmoothed[k - 1] * run.SmootherGain[k - 1];
        var weights = new double[n];
        var towardsFiltered = 0.0;
        for (var k = n - 1; k >= 0; k--)
        {
            var direct = k < at ? 0 : k == n - 1 ? towardsSmoothed[k] : (1 - run.SmootherGain[k]) * towardsSmoothed[k];
            var carried = k + 1 < n ? (1 - run.Gain[k + 1]) * towardsFiltered : 0;
            towardsFiltered = direct + carried;
            weights[k] = run.Gain[k] * towardsFiltered;
        }
        return ((1 - run.Gain[0]) * towardsFiltered, weights);
    }

    /// <summary>
    /// Everything a stance shows of step <paramref name="at"/>, from one pass of the filter: the smoothed estimate
    /// (the filtered one when <paramref name="at"/> is the last step), the weights of the prior and of each step
    /// (<see cref="Weights(int, IReadOnlyList{LevelStep}, int)"/>), and each step's Kalman gain when it was added.
    /// </summary>
    public LevelReading Read(int priorDay, IReadOnlyList<LevelStep> steps, int at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(at);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(at, steps.Count);
        var run = Run(priorDay, steps);
        var (prior, weights) = Weights(run, at);
        return new LevelReading(Smooth(run)[at], prior, weights, run.Gain);
    }

    private sealed record FilterRun(LevelEstimate[] Filtered, double[] Predicted, double[] Gain, double[] SmootherGain);

    private FilterRun Run(int priorDay, IReadOnlyList<LevelStep> steps)
    {
        var n = steps.Count;
        var filtered = new LevelEstimate[n];
        var predicted = new double[n];
        var gain = new double[n];
        var smootherGain = new double[n];
        var estimate = Prior;
        var day = priorDay;
        for (var k = 0; k < n; k++)
        {
            var step = steps[k];
            if (step.Day < day) throw new ArgumentException($"Steps must be in date order: day {step.Day} follows day {day}.", nameof(steps));
            estimate = Predict(estimate, step.Day - day);
            predicted[k] = estimate.Variance;
            if (step.Value is { } value)
            {
                gain[k] = Gain(estimate.Variance, step.Variance);
                estimate = Update(estimate, value, step.Variance);
            }
            filtered[k] = estimate;
            day = step.Day;
        }
        for (var k = 0; k + 1 < n; k++) smootherGain[k] = predicted[k + 1] == 0 ? 1 : filtered[k].Variance / predicted[k + 1];
        return new FilterRun(filtered, predicted, gain, smootherGain);
    }

    private static double Gain(double stateVariance, double observationVariance) => stateVariance / (stateVariance + observationVariance);
}
