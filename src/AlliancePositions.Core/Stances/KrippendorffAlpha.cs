using System.Globalization;

namespace AlliancePositions.Core.Stances;

/// <summary>How far apart two values are for alpha; ordinal is the default for stance codes.</summary>
public enum DifferenceFunction
{
    Nominal,
    Ordinal,
    Interval,
}

/// <summary>
/// Alpha with the data it rests on: <see cref="PairableUnits"/> units with two or more values holding
/// <see cref="PairableValues"/> values (n). <see cref="Alpha"/> is null when undefined (n = 0, or every value equal).
/// </summary>
public sealed record AlphaResult(double? Alpha, int PairableUnits, int PairableValues)
{
    public override string ToString() => Alpha?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";
}

/// <summary>Krippendorff's alpha for inter-coder agreement, as DOMAIN.md §2 defines it.</summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Each unit is the values the coders gave it, a missing value simply absent. Units with fewer than two values are
    /// dropped entirely, from the marginals too. α = 1 − (n − 1) · Σ o_ck δ²(c,k) / Σ n_c n_k δ²(c,k).
    /// </summary>
    public static AlphaResult Compute(
        IEnumerable<IReadOnlyCollection<int>> units, DifferenceFunction difference = DifferenceFunction.Ordinal)
    {
        var pairable = units.Where(u => u.Count >= 2).ToList();
        var coincidences = Coincidences(pairable);
        var marginals = Marginals(coincidences);
        var n = pairable.Sum(u => u.Count);
        var delta = DeltaSquared(difference, marginals);

        var observed = coincidences.Sum(o => o.Value * delta(o.Key.C, o.Key.K));
        var expected = marginals.SelectMany(c => marginals.Select(k => c.Value * k.Value * delta(c.Key, k.Key))).Sum();
        double? alpha = n == 0 || expected == 0 ? null : 1 - (n - 1) * observed / expected;
        return new AlphaResult(alpha, pairable.Count, n);
    }

    /// <summary>o_ck: each ordered pair of values within a unit adds 1 / (m_u − 1), so every value adds 1 in total.</summary>
    internal static Dictionary<(int C, int K), double> Coincidences(IEnumerable<IReadOnlyCollection<int>> pairableUnits)
    {
        var matrix = new Dictionary<(int C, int K), double>();
        foreach (var unit in pairableUnits)
        {
            var counts = unit.CountBy(v => v).ToList();
            foreach (var (c, countC) in counts)
            {
                foreach (var (k, countK) in counts)
                {
                    var pairs = countC * (c == k ? countK - 1 : countK);
                    if (pairs == 0) continue;
                    matrix[(c, k)] = matrix.GetValueOrDefault((c, k)) + (double)pairs / (unit.Count - 1);
                }
            }
        }
        return matrix;
    }

    /// <summary>n_c = Σ_k o_ck, by value in ascending order.</summary>
    internal static SortedDictionary<int, double> Marginals(Dictionary<(int C, int K), double> coincidences)
    {
        var marginals = new SortedDictionary<int, double>();
        foreach (var ((c, _), o) in coincidences) marginals[c] = marginals.GetValueOrDefault(c) + o;
        return marginals;
    }

    /// <summary>
    /// Ordinal: (Σ n_g for g from c to k − (n_c + n_k) / 2)², with the pairable marginals; values nobody used have
    /// n_g = 0 and so need no entry.
    /// </summary>
    private static Func<int, int, double> DeltaSquared(DifferenceFunction difference, SortedDictionary<int, double> marginals) =>
        difference switch
        {
            DifferenceFunction.Nominal => (c, k) => c == k ? 0 : 1,
            DifferenceFunction.Interval => (c, k) => (double)(c - k) * (c - k),
            _ => (c, k) =>
            {
                if (c == k) return 0;
                var (low, high) = c < k ? (c, k) : (k, c);
                var between = marginals.Where(g => g.Key >= low && g.Key <= high).Sum(g => g.Value);
                var rank = between - (marginals[c] + marginals[k]) / 2;
                return rank * rank;
            },
        };
}
