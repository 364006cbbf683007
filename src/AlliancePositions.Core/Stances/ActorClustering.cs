namespace AlliancePositions.Core.Stances;

/// <summary>
/// Groups actors who agree across questions: average-linkage agglomerative clustering on distance 1 - overall
/// agreement, merging the closest pair of groups while their average distance is at most
/// <see cref="Methodology.ClusterDistanceThreshold"/>.
/// </summary>
public static class ActorClustering
{
    /// <summary>
    /// <paramref name="stances"/> maps actor key to (question key to stance). Two actors with no shared question have
    /// no distance, which counts as infinitely far: groups containing such a pair never merge. Each group is sorted by
    /// key, groups by their first key.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cluster(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Stance>> stances)
    {
        var actors = stances.Keys.Order(StringComparer.Ordinal).ToList();
        var distance = actors.ToDictionary(a => a, a => actors.ToDictionary(b => b,
            b => Agreement.Overall(stances[a], stances[b]).Score is { } s ? 1 - s : double.PositiveInfinity,
            StringComparer.Ordinal), StringComparer.Ordinal);
        var groups = actors.Select(a => new List<string> { a }).ToList();

        while (Closest(groups, distance) is var (i, j, d) && d <= Methodology.ClusterDistanceThreshold + 1e-9)
        {
            groups[i].AddRange(groups[j]);
            groups[i].Sort(StringComparer.Ordinal);
            groups.RemoveAt(j);
        }
        return groups;
    }

    /// <summary>The closest pair of groups, the first found in group order on a tie; null with fewer than two groups.</summary>
    private static (int I, int J, double Distance)? Closest(
        List<List<string>> groups, Dictionary<string, Dictionary<string, double>> distance)
    {
        (int, int, double)? best = null;
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                var average = groups[i].SelectMany(a => groups[j].Select(b => distance[a][b])).Average();
                if (best is not { Item3: var top } || average < top) best = (i, j, average);
            }
        }
        return best;
    }
}
