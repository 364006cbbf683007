using System.Globalization;

namespace AlliancePositions.Generator;

/// <summary>
/// What the generator writes: <c>--actors 500 --statements 1000000 --questions 20 --seed 42 --db generated/1m.db</c>.
/// The same options and seed always give the same rows.
/// </summary>
public sealed record SyntheticCorpusOptions(int Actors, int Statements, int Questions, int Seed, string DatabasePath)
{
    public const string Usage =
        "Usage: --db <path.db> [--actors 500] [--statements 1000000] [--questions 20] [--seed 42]";

    /// <summary>The options, or a sentence saying which argument is wrong and why.</summary>
    public static (SyntheticCorpusOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        int actors = 500, statements = 1_000_000, questions = 20, seed = 42;
        string? db = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count) return (null, $"{name} needs a value. {Usage}");
            var value = args[++i];
            switch (name)
            {
                case "--db": db = value; break;
                case "--actors" when TryCount(value, 2, 100_000, out var n): actors = n; break;
                case "--statements" when TryCount(value, 1, 50_000_000, out var n): statements = n; break;
                case "--questions" when TryCount(value, 1, 1_000, out var n): questions = n; break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n): seed = n; break;
                case "--actors": return (null, $"--actors must be a whole number from 2 to 100000, not \"{value}\".");
                case "--statements": return (null, $"--statements must be a whole number from 1 to 50000000, not \"{value}\".");
                case "--questions": return (null, $"--questions must be a whole number from 1 to 1000, not \"{value}\".");
                case "--seed": return (null, $"--seed must be a whole number, not \"{value}\".");
                default: return (null, $"Unknown option \"{name}\". {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(db)) return (null, $"--db is required: the SQLite file to write. {Usage}");
        return (new SyntheticCorpusOptions(actors, statements, questions, seed, db), null);
    }

    private static bool TryCount(string text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}

/// <summary>How far generation has come: shown on the console about once a second.</summary>
public sealed record GenerationProgress(int Statements, int Total, double PerSecond, TimeSpan Elapsed)
{
    public TimeSpan? Remaining => PerSecond > 0 ? TimeSpan.FromSeconds((Total - Statements) / PerSecond) : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Statements:N0} / {Total:N0} statements ({100.0 * Statements / Total:F0}%), {PerSecond:N0}/s, {Elapsed:mm\\:ss} elapsed, "
        + $"{(Remaining is { } left ? left.ToString(@"mm\:ss", CultureInfo.InvariantCulture) : "--:--")} left");
}

/// <summary>What was written.</summary>
public sealed record GeneratedCorpusSummary(int Actors, int Statements, int Documents, int Annotations, int Codings, int SecondCodings,
    int Relations, int Meetings, TimeSpan Elapsed);
