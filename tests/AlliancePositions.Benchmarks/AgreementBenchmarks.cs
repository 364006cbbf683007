using System.Globalization;
using System.Text.Json;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// The agreement matrix for one question at a date: the stance service (what the question page and
/// <c>GET /api/questions/{slug}/agreement</c> call) beside a hand-written SQL query computing the same positions.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes the connections in [GlobalCleanup].")]
public class AgreementBenchmarks
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>
    /// Methodology 1.0 (the weighted mean of the evidence), which the hand-written SQL computes, as runs 1–4 measured it.
    /// The app's default is now 2.0 (a latent-position filter run statement by statement), measured beside it with no SQL
    /// reference: its recursion has no plain-SQL counterpart here.
    /// </summary>
    public static readonly StanceLens WeightedMean = new(Methodology.Version1, StanceView.AsOf);

    [ParamsSource(nameof(Sizes))] public string Size { get; set; } = "10k";
    [Params(20, 200)] public int Actors { get; set; }
    [ParamsSource(nameof(Providers))] public string Provider { get; set; } = Corpora.Sqlite;

    public static IEnumerable<string> Sizes => Corpora.Selected;

    public static IEnumerable<string> Providers => Corpora.Providers;

    private StanceQueries stances = null!;
    private StanceQueries cached = null!;
    private SqliteConnection connection = null!;
    private NpgsqlConnection postgres = null!;
    private List<string> actors = [];
    private string question = "";

    [GlobalSetup]
    public void Setup()
    {
        question = Corpora.Scalar(Size, "SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        stances = new StanceQueries(Corpora.Factory(Size, Provider));
        connection = OpenWithFunctions(Corpora.ConnectionString(Size));
        // The same content on both providers: the actors are chosen once, from the SQLite file.
        actors = BusiestOn(connection, question, Actors);
        if (Provider == Corpora.PostgreSql)
        {
            postgres = new NpgsqlConnection(Corpora.PostgresConnectionString(Size));
            postgres.Open();
        }
        // What a visit gets once the app has computed the question since the last write (StanceCacheWarmer).
        cached = new StanceQueries(Corpora.Factory(Size, Provider), new StanceCache());
        _ = cached.ForQuestionAsync(question, AsOf, AsOf, WeightedMean, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        connection.Dispose();
        if (Provider == Corpora.PostgreSql) postgres.Dispose();
    }

    [Benchmark(Description = "agreement: stance service")]
    public async Task<int> StanceService() => (await stances.ForQuestionAsync(question, AsOf, AsOf, WeightedMean, actors, CancellationToken.None))!.Matrix.Cells.Count;

    [Benchmark(Description = "agreement: stance service, cached")]
    public async Task<int> StanceServiceCached() => (await cached.ForQuestionAsync(question, AsOf, AsOf, WeightedMean, actors, CancellationToken.None))!.Matrix.Cells.Count;

    [Benchmark(Description = "agreement: stance service, 2.0")]
    public async Task<int> StanceServiceDefault() => (await stances.ForQuestionAsync(question, AsOf, AsOf, StanceLens.Default, actors, CancellationToken.None))!.Matrix.Cells.Count;

    [Benchmark(Baseline = true, Description = "agreement: hand-written SQL")]
    public int HandWrittenSql() => (Provider == Corpora.Sqlite ? Positions(connection, question, actors, AsOf, AsOf) : Positions(postgres, question, actors, AsOf, AsOf)).Count;

    public static SqliteConnection OpenWithFunctions(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // SQLite has no pow() in every build: the methodology's weight (source x credibility x recency) as a function.
        connection.CreateFunction("stance_weight", (string grade, int credibility, string date, string asOf) =>
            Methodology.SourceWeight(Enum.Parse<SourceGrade>(grade)) * Methodology.CredibilityWeight((Credibility)credibility)
            * Methodology.Recency(DateOnly.Parse(date, CultureInfo.InvariantCulture), DateOnly.Parse(asOf, CultureInfo.InvariantCulture)), isDeterministic: true);
        return connection;
    }

    public static List<string> BusiestOn(SqliteConnection connection, string question, int count)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.Slug FROM Codings c JOIN Questions q ON q.Id = c.QuestionId JOIN Statements s ON s.Id = c.StatementId JOIN Actors a ON a.Id = s.ActorId
            WHERE q.Slug = $question GROUP BY a.Id ORDER BY COUNT(*) DESC, a.Slug LIMIT $count
            """;
        command.Parameters.AddWithValue("$question", question);
        command.Parameters.AddWithValue("$count", count);
        var slugs = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) slugs.Add(reader.GetString(0));
        return slugs;
    }

    /// <summary>
    /// Each actor's weighted mean position (null when every counting item is weak), as the stance calculator defines it:
    /// one item per statement at its coders' mean, counting when said by asOf, known by knownAt and not retracted by asOf.
    /// </summary>
    public static Dictionary<string, double?> Positions(SqliteConnection connection, string question, IReadOnlyList<string> actors, DateOnly asOf, DateOnly knownAt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH items AS (
                SELECT s.ActorId AS ActorId, AVG(c.Position) AS Position,
                       stance_weight(s.SourceGrade, s.Credibility, s.Date, $asOf) AS W,
                       (s.SourceGrade = 'E' OR s.Credibility = 5) AS Weak
                FROM Actors a
                JOIN Statements s ON s.ActorId = a.Id
                JOIN Codings c ON c.StatementId = s.Id
                WHERE a.Slug IN (SELECT value FROM json_each($actors)) AND a.DeletedAt IS NULL
                  AND c.QuestionId = (SELECT Id FROM Questions WHERE Slug = $question)
                  AND c.DeletedAt IS NULL AND s.DeletedAt IS NULL
                  AND s.Date <= $asOf AND COALESCE(s.KnownFrom, s.Date) <= $knownAt
                  AND NOT EXISTS (SELECT 1 FROM StatementRelations r JOIN Statements f ON f.Id = r.FromStatementId
                                  WHERE r.ToStatementId = s.Id AND r.Type = 'retracts' AND f.Date <= $asOf)
                GROUP BY s.Id
            )
            SELECT a.Slug, CASE WHEN MIN(Weak) = 1 THEN NULL ELSE SUM(W * Position) / SUM(W) END
            FROM items JOIN Actors a ON a.Id = items.ActorId
            GROUP BY items.ActorId
            """;
        command.Parameters.AddWithValue("$actors", JsonSerializer.Serialize(actors));
        command.Parameters.AddWithValue("$question", question);
        command.Parameters.AddWithValue("$asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$knownAt", knownAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var positions = new Dictionary<string, double?>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) positions[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        return positions;
    }

    /// <summary>
    /// PostgreSQL's hand-written reference: the same query as <see cref="Positions(SqliteConnection, string, IReadOnlyList{string}, DateOnly, DateOnly)"/>,
    /// with the methodology's weight written out in SQL (PostgreSQL cannot call the C# <c>Methodology</c>, so its source
    /// and credibility weights and its 180-day half-life are repeated here; the program checks the result against the
    /// service before it measures, so a drift stops the run).
    /// </summary>
    public static Dictionary<string, double?> Positions(NpgsqlConnection connection, string question, IReadOnlyList<string> actors, DateOnly asOf, DateOnly knownAt)
    {
        using var command = new NpgsqlCommand("""
            WITH items AS (
                SELECT s."ActorId" AS actor_id, AVG(c."Position")::float8 AS position,
                       (CASE s."SourceGrade" WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.8 WHEN 'C' THEN 0.6 WHEN 'D' THEN 0.4 WHEN 'E' THEN 0.2 ELSE 0.5 END)::float8
                       * (CASE s."Credibility" WHEN 1 THEN 1.0 WHEN 2 THEN 0.8 WHEN 3 THEN 0.6 WHEN 4 THEN 0.4 WHEN 5 THEN 0.2 ELSE 0.5 END)::float8
                       * power(0.5::float8, GREATEST(0, @asOf - s."Date")::float8 / 180.0) AS w,
                       (s."SourceGrade" = 'E' OR s."Credibility" = 5) AS weak
                FROM "Actors" a
                JOIN "Statements" s ON s."ActorId" = a."Id"
                JOIN "Codings" c ON c."StatementId" = s."Id"
                WHERE a."Slug" = ANY(@actors) AND a."DeletedAt" IS NULL
                  AND c."QuestionId" = (SELECT "Id" FROM "Questions" WHERE "Slug" = @question)
                  AND c."DeletedAt" IS NULL AND s."DeletedAt" IS NULL
                  AND s."Date" <= @asOf AND COALESCE(s."KnownFrom", s."Date") <= @knownAt
                  AND NOT EXISTS (SELECT 1 FROM "StatementRelations" r JOIN "Statements" f ON f."Id" = r."FromStatementId"
                                  WHERE r."ToStatementId" = s."Id" AND r."Type" = 'retracts' AND f."Date" <= @asOf)
                GROUP BY s."Id"
            )
            SELECT a."Slug", CASE WHEN bool_and(weak) THEN NULL ELSE SUM(w * position) / SUM(w) END
            FROM items JOIN "Actors" a ON a."Id" = items.actor_id
            GROUP BY a."Id", a."Slug"
            """, connection);
        command.Parameters.AddWithValue("actors", actors.ToArray());
        command.Parameters.AddWithValue("question", question);
        command.Parameters.AddWithValue("asOf", asOf);
        command.Parameters.AddWithValue("knownAt", knownAt);
        var positions = new Dictionary<string, double?>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) positions[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        return positions;
    }
}
