using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace AlliancePositions.Benchmarks;

/// <summary>
/// A closed-loop HTTP load on a running app: <c>connections</c> workers, each sending a request and waiting for the whole
/// response before the next, for a fixed time after a short warm-up, on one endpoint after another: <c>GET /livez</c>
/// (the bare endpoint, the reference), the 20-actor agreement and the statement filter the benchmarks measure in
/// process (<see cref="AgreementBenchmarks"/>, <see cref="ReadBenchmarks"/>), the filter both as the same request again
/// and with a date range not asked for before. Every answer that is not 2xx is counted
/// and reported with its status and the start of its body; only 2xx answers count as throughput and latency.
/// With <c>--writers N --token T</c>, N analysts re-code statements through the API during the agreement and filter
/// runs (each write invalidates the app's stance cache), and the readers' figures are taken again while they write.
/// Start the app on <c>generated/{size}.db</c> first (see docs/performance.md, "How to reproduce").
/// </summary>
public static class HttpLoad
{
    /// <summary>An endpoint under load; <see cref="NextPath"/> gives each request's path (most endpoints: always the same).</summary>
    private sealed record Endpoint(string Name, Func<string> NextPath)
    {
        public Endpoint(string name, string path) : this(name, () => path) { }
    }

    private sealed record Figures(string Name, int Ok, double Seconds, double P50Ms, double P99Ms, IReadOnlyDictionary<string, int> Failures, string? FirstFailure,
        int Writes = 0, IReadOnlyDictionary<string, int>? WriteFailures = null)
    {
        public double PerSecond => Ok / Seconds;

        public int Failed => Failures.Values.Sum();
    }

    public static async Task<int> RunAsync(string baseUrl, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var connections = int.Parse(Option("--connections") ?? "16", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var size = Option("--size") ?? "1m";
        var token = Option("--token");
        var writers = int.Parse(Option("--writers") ?? "0", CultureInfo.InvariantCulture);
        if (!Corpora.Sizes.ContainsKey(size) || !File.Exists(Corpora.PathOf(size)))
        {
            Console.Error.WriteLine($"--size {size}: the endpoints' keys are read from {Corpora.PathOf(size)}, the database the app serves; generate it first (a benchmark run at that size does).");
            return 2;
        }
        if (writers > 0 && token is null)
        {
            Console.Error.WriteLine("--writers needs --token: writes need a signed-in Analyst's bearer token (POST /api/auth/login).");
            return 2;
        }

        var question = Corpora.Scalar(size, "SELECT Slug FROM Questions ORDER BY Id LIMIT 1");
        List<string> actors;
        List<(string Statement, int Position)> toRecode;
        using (var connection = new SqliteConnection(Corpora.ConnectionString(size)))
        {
            connection.Open();
            actors = AgreementBenchmarks.BusiestOn(connection, question, 20);
            toRecode = StatementsToRecode(connection, question, Math.Max(writers, 1) * 4);
        }
        var filter = ReadBenchmarks.FilterFor(Corpora.BusiestActor(size));
        var asOf = AgreementBenchmarks.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string FilterPath(DateOnly to) => "/api/statements?" + string.Join('&',
            $"topic={Uri.EscapeDataString(filter.Topic!)}", $"actor={Uri.EscapeDataString(filter.Actor!)}", $"q={Uri.EscapeDataString(filter.Text!)}",
            $"from={filter.From:yyyy-MM-dd}", $"to={to:yyyy-MM-dd}", $"page={filter.Page}", $"pageSize={filter.PageSize}");
        // The app keeps a filter's page until the next write, so the same filter again measures that; a range ending a
        // day earlier on every request (never one asked before in a run) measures the queries themselves.
        var rangesAsked = new StrongBox<long>();
        Endpoint[] endpoints =
        [
            new("/livez", "/livez"),
            new("agreement, 20 actors", $"/api/questions/{Uri.EscapeDataString(question)}/agreement?actors={Uri.EscapeDataString(string.Join(',', actors))}&asOf={asOf}&knownAt={asOf}"),
            new("statement filter", FilterPath(filter.To!.Value)),
            new("statement filter, a new date range each request", () => FilterPath(filter.To!.Value.AddDays(-(int)(Interlocked.Increment(ref rangesAsked.Value) % 3000)))),
        ];

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The writers' own connections: they do not take the readers' from the pool.
        using var writerClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(writers, 1) })
        { BaseAddress = client.BaseAddress, Timeout = client.Timeout };
        if (token is not null) writerClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Console.WriteLine($"HTTP load on {baseUrl}: {connections} connections, {seconds:0.#} s per endpoint after a warm-up, corpus {size}, question {question}, {actors.Count} actors; {Environment.ProcessorCount} cores shared by client and app.");
        foreach (var endpoint in endpoints) Console.WriteLine($"  {endpoint.Name}: GET {endpoint.NextPath()}");
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, Math.Max(1, seconds / 5)));
        var results = new List<Figures>();
        foreach (var endpoint in endpoints)
        {
            var warm = await MeasureAsync(client, endpoint, connections, warmUp, null, CancellationToken.None);
            if (warm.Failed > 0) Console.Error.WriteLine($"Warm-up of {endpoint.Name}: {warm.Failed} answers were not 2xx ({Describe(warm.Failures)}); the first: {warm.FirstFailure}");
            results.Add(await MeasureAsync(client, endpoint, connections, TimeSpan.FromSeconds(seconds), null, CancellationToken.None));
        }
        if (writers > 0)
            foreach (var endpoint in endpoints.Skip(1))
                results.Add(await MeasureAsync(client, endpoint with { Name = $"{endpoint.Name}, {writers} writers" }, connections,
                    TimeSpan.FromSeconds(seconds), (writers, writerClient, question, toRecode), CancellationToken.None));

        var reference = results[0].PerSecond;
        var table = new StringBuilder();
        table.AppendLine("| Endpoint | Requests/s | p50 (ms) | p99 (ms) | Non-2xx | Ratio to /livez |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.PerSecond:N0} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.Failed} | {r.PerSecond / reference:F2}× |");
        Console.WriteLine();
        Console.Write(table);
        foreach (var r in results.Where(r => r.Writes > 0 || r.WriteFailures is { Count: > 0 }))
            Console.WriteLine($"{r.Name}: {r.Writes} writes answered 2xx ({r.Writes / r.Seconds:F1}/s); failed writes: {Describe(r.WriteFailures!)}");
        var failed = results.Where(r => r.Failed > 0 || r.WriteFailures is { Count: > 0 }).ToList();
        foreach (var r in failed)
            Console.Error.WriteLine($"{r.Name}: {r.Failed} reads were not 2xx ({Describe(r.Failures)}){(r.WriteFailures is null ? "" : $", failed writes: {Describe(r.WriteFailures)}")}; the first: {r.FirstFailure}");
        if (failed.Count > 0) Console.Error.WriteLine("Some requests failed: the figures above count only 2xx answers.");
        return failed.Count > 0 ? 1 : 0;
    }

    private static string Describe(IReadOnlyDictionary<string, int> failures) =>
        failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} × {f.Value}"));

    /// <summary>
    /// Statements coded on the question, with their first coding's position: a writer re-codes them at that position, so
    /// the corpus's stances stay as they were (the writer's own coding replaces itself on every later write).
    /// </summary>
    private static List<(string Statement, int Position)> StatementsToRecode(SqliteConnection connection, string question, int count)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.Key, MIN(c.Position) FROM Codings c JOIN Statements s ON s.Id = c.StatementId JOIN Questions q ON q.Id = c.QuestionId
            WHERE q.Slug = $question AND c.DeletedAt IS NULL AND s.DeletedAt IS NULL GROUP BY s.Id ORDER BY s.Id LIMIT $count
            """;
        command.Parameters.AddWithValue("$question", question);
        command.Parameters.AddWithValue("$count", count);
        var found = new List<(string, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) found.Add((reader.GetString(0), reader.GetInt32(1)));
        return found;
    }

    private static async Task<Figures> MeasureAsync(HttpClient client, Endpoint endpoint, int connections, TimeSpan duration,
        (int Count, HttpClient Client, string Question, List<(string Statement, int Position)> Statements)? writers, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var writeFailures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        string? firstFailure = null;
        var latencies = new List<double>[connections];
        var writes = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);

        async Task ReadAsync(int worker)
        {
            var mine = latencies[worker] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(endpoint.NextPath().TrimStart('/'), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.IsSuccessStatusCode) mine.Add(elapsed);
                    else
                    {
                        failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}", null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                }
            }
        }

        async Task WriteAsync(HttpClient writerClient, int writer, int count, string question, List<(string Statement, int Position)> statements)
        {
            for (var i = writer; !stop.IsCancellationRequested; i += count)
            {
                var (statement, position) = statements[i % statements.Count];
                try
                {
                    using var content = new StringContent(
                        $$"""{"question":"{{question}}","position":{{position.ToString(CultureInfo.InvariantCulture)}}}""", Encoding.UTF8, "application/json");
                    using var response = await writerClient.PostAsync($"api/statements/{Uri.EscapeDataString(statement)}/codings", content, CancellationToken.None);
                    if (response.IsSuccessStatusCode) Interlocked.Increment(ref writes);
                    else
                    {
                        writeFailures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        Interlocked.CompareExchange(ref firstFailure, $"write {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}", null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    writeFailures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }

        var tasks = Enumerable.Range(0, connections).Select(w => Task.Run(() => ReadAsync(w), CancellationToken.None)).ToList();
        if (writers is var (count, writerClient, question, statements))
            tasks.AddRange(Enumerable.Range(0, count).Select(w => Task.Run(() => WriteAsync(writerClient, w, count, question, statements), CancellationToken.None)));
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Figures(endpoint.Name, all.Count, seconds, Percentile(all, 0.50), Percentile(all, 0.99), failures, firstFailure,
            writes, writers is null ? null : writeFailures);
    }

    /// <summary>The nearest-rank percentile of sorted values (NaN when there are none).</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
