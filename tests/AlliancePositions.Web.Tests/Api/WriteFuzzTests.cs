using System.Collections;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Api;

/// <summary>
/// Hostile input against every write endpoint the app maps under /api (read from its endpoint data source, so a new
/// endpoint is fuzzed without touching this test), as a signed-in Admin: malformed JSON, wrong types, control
/// characters, huge strings and arrays, deep nesting, edge numbers and dates, edge paging, odd keys in the route.
/// No answer may be a 5xx, and a refused request (4xx) must not have changed the row count of any table (every write
/// is audited in its own transaction, so an edit adds a row too). The reads get
/// the same edge dates, paging and keys in their queries and paths. The inputs come from a fixed seed, so a failure
/// names a request that can be replayed.
/// </summary>
public class WriteFuzzTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Seed = 1313;

    private const int ValuesPerProperty = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Malformed =
    [
        "", " ", "{", "}", "[", "{\"a\":}", "nul", "\"a string\"", "42", "[1,2,3]", "{\"name\":\"x\",}", "{'single':'quotes'}",
        "{\"a\":1}{\"b\":2}", "\u0000", "{\"\u0000\":\"\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":1e999999}", "\uFEFF{}",
        new string('[', 5000) + new string(']', 5000), Nest("{\"x\":", 3000, "}"),
    ];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\u0001\u0007\u001b[31m", "\u0000", "a\u0000b", "\ud800", "\u202eevil", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>",
        "javascript:alert(1)", "../../etc/passwd", "%00", "\r\n\r\nInjected: header", new string('x', 100_000), new string('é', 20_000),
    ];

    private static readonly JsonNode?[] EdgeNumbers = [0, -1, int.MaxValue, int.MinValue, 2147483648L, -2147483649L, 1.5, 1e308, null];

    private static readonly string[] EdgeDates =
    [
        "0001-01-01", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "3000-01-01", "9999-12-31", "2024-02-30", "10000-01-01",
        "2024-02-26T00:00:00Z", "", "yesterday",
    ];

    private static readonly string[] EdgeQueries =
    [
        "", "?page=2147483647&pageSize=2147483647", "?page=-1&pageSize=0", "?asOf=0001-01-01&knownAt=9999-12-31", "?since=3000-01-01&from=0001-01-01",
    ];

    // No "%00": the in-memory test server throws on a NUL in the path before the app sees it (Kestrel answers 400).
    private static readonly string[] HostileKeys = ["nothing", "..%2F..", new string('k', 5000), "%E2%80%AE", "%C3%28", "a b"];

    [Fact]
    public async Task No_write_endpoint_answers_5xx_or_writes_anything_when_it_refuses_hostile_input()
    {
        using var admin = await app.CreateClientAsync("Admin");
        var keys = await FixturesAsync(admin);
        await using var probe = app.CreateDbContext();
        await probe.Database.OpenConnectionAsync(Ct);
        var connection = probe.Database.GetDbConnection();
        var tables = await TablesAsync(connection);
        var random = new Random(Seed);
        var failures = new List<string>();
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var sent = 0;
        var commitsSeen = 0;

        foreach (var (method, pattern, bodyType) in WriteEndpoints())
        {
            foreach (var (path, query, body) in Requests(pattern, bodyType, keys, random))
            {
                var before = await SnapshotAsync(connection, tables);
                using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
                if (method == "PUT")
                {
                    if (!versions.TryGetValue(path, out var version)) versions[path] = version = await CurrentVersionAsync(admin, path);
                    request.Headers.TryAddWithoutValidation("If-Match", version);
                }
                var response = await admin.SendAsync(request, Ct);
                sent++;
                // A write that went through may have moved a version on: read them again.
                if (response.IsSuccessStatusCode) versions.Clear();

                var status = (int)response.StatusCode;
                var what = $"{method} {Shorten(path + query)} {Shorten(body is null ? "(no body)" : Encoding.UTF8.GetString(body))}";
                if (status >= 500) failures.Add($"{status} for {what}: {Shorten(await response.Content.ReadAsStringAsync(Ct))}");
                // A refused sign-in counts the failure against the account (lockout): that write is the point of it.
                else if (status >= 400 && pattern != "/api/auth/login" && await SnapshotAsync(connection, tables) != before)
                    failures.Add($"{status} but the database changed for {what}");
                else if (status < 300 && await SnapshotAsync(connection, tables) != before) commitsSeen++;
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        // The snapshot does see the app's writes (the deletes at the end, at least).
        Assert.True(commitsSeen > 0, "no accepted write changed a row count, so the check of the refused ones proves nothing");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Theory]
    [InlineData("/api/meetings", "participants")]
    [InlineData("/api/meetings", "topics")]
    [InlineData("/api/statements", "topics")]
    [InlineData("/api/statements", "annotationIds")]
    public async Task A_list_of_thousands_of_keys_is_refused_at_once_naming_it(string path, string field)
    {
        using var analyst = await app.CreateClientAsync("Analyst");
        var body = new JsonObject
        {
            ["actor"] = "olaf-scholz", ["kind"] = "call", ["date"] = "2024-03-05", ["datePrecision"] = "day", ["summary"] = "x", ["credibility"] = 2,
            ["participants"] = new JsonArray("olaf-scholz", "emmanuel-macron"), ["topics"] = new JsonArray(), ["annotationIds"] = new JsonArray("nothing"),
        };
        body[field] = new JsonArray(Enumerable.Range(0, 20_000).Select(i => (JsonNode?)$"key-{i}").ToArray());
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await analyst.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty(field);
        Assert.Equal("20,000; the limit is 200.", messages[0].GetString()![^25..]);
        Assert.Equal(1, messages.GetArrayLength());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task No_read_endpoint_answers_5xx_to_edge_dates_paging_or_keys()
    {
        using var admin = await app.CreateClientAsync("Admin");
        var keys = await FixturesAsync(admin);
        var questions = await admin.GetFromJsonAsync<JsonElement>("/api/questions", Ct);
        keys["questions:slug"] = questions[0].GetProperty("slug").GetString()!;
        string[] queries =
        [
            .. EdgeQueries, "?asOf=1900-01-01&knownAt=2100-12-31", "?asOf=2100-12-31&knownAt=1900-01-01", "?page=1000000&pageSize=500",
            "?q=%01%02%1B&topic=..%2F..&question=%E2%80%AE&kind=%00", "?actors=" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"a{i}")),
            "?compare=" + keys["actors:slug"] + "&from=2100-12-31&to=1900-01-01", "?since=1900-01-01&credibility=99999999999&sort=%0D%0A",
        ];
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).Distinct().Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();

        foreach (var pattern in patterns)
        {
            var paths = HostileKeys.Select(key => Fill(pattern, _ => key)).Prepend(Fill(pattern, name => keys.GetValueOrDefault($"{Section(pattern)}:{name}") ?? "nothing"));
            foreach (var path in paths.Distinct())
            {
                foreach (var query in queries)
                {
                    var response = await admin.GetAsync(path + query, Ct);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{(int)response.StatusCode} for GET {Shorten(path + query)}: {Shorten(await response.Content.ReadAsStringAsync(Ct))}");
                }
            }
        }

        Assert.True(patterns.Count > 10, $"only {patterns.Count} read endpoints were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    /// <summary>Every POST, PUT, PATCH and DELETE under /api, with the type of its JSON body when it has one.</summary>
    private List<(string Method, string Pattern, Type? Body)> WriteEndpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'), BodyType(e))))
            // Deletes last, so the records the other endpoints are aimed at are still there for them.
            .OrderBy(e => e.m == "DELETE").ThenBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal).ToList();
        Assert.Contains(endpoints, e => e.Item2 == "/api/actors" && e.m == "POST" && e.Item3 is not null);
        return endpoints;
    }

    private static Type? BodyType(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } accepted) return accepted;
        var parameters = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        return parameters.Select(p => p.ParameterType)
            .Select(t => t.IsGenericType && t.Name.StartsWith("JsonBody", StringComparison.Ordinal) ? t.GetGenericArguments()[0] : t)
            .FirstOrDefault(t => t.Namespace?.StartsWith("AlliancePositions", StringComparison.Ordinal) == true && t.Name.EndsWith("Request", StringComparison.Ordinal));
    }

    /// <summary>The requests for one endpoint: hostile bodies on real keys, then a plausible body on hostile keys.</summary>
    private static IEnumerable<(string Path, string Query, byte[]? Body)> Requests(string pattern, Type? bodyType, Dictionary<string, string> keys, Random random)
    {
        var path = Fill(pattern, name => keys.GetValueOrDefault($"{Section(pattern)}:{name}") ?? "nothing");
        string Query() => EdgeQueries[random.Next(EdgeQueries.Length)];
        foreach (var text in Malformed) yield return (path, Query(), Encoding.UTF8.GetBytes(text));
        yield return (path, Query(), [0xC3, 0x28, 0xA0, 0xA1]);
        yield return (path, Query(), null);
        if (bodyType is not null)
            foreach (var body in Bodies(bodyType, random)) yield return (path, Query(), Encoding.UTF8.GetBytes(body.ToJsonString()));
        foreach (var key in HostileKeys)
            yield return (Fill(pattern, _ => key), Query(), bodyType is null ? null : Encoding.UTF8.GetBytes(Plausible(bodyType, 0).ToJsonString()));
    }

    /// <summary>
    /// A plausible body, then for each property a draw of hostile values of its kind (wrong types among them), the
    /// rest left plausible. A draw rather than all of them keeps the run well under a minute; over the endpoints'
    /// properties every value is sent many times.
    /// </summary>
    private static IEnumerable<JsonObject> Bodies(Type type, Random random)
    {
        yield return Plausible(type, 0);
        yield return new JsonObject();
        var huge = Plausible(type, 0);
        huge["unexpected"] = new JsonArray(Enumerable.Range(0, 100_000).Select(i => (JsonNode?)i).ToArray());
        yield return huge;
        foreach (var property in Properties(type))
        {
            foreach (var value in Hostile(property.PropertyType, random).OrderBy(_ => random.Next()).Take(ValuesPerProperty))
            {
                var body = Plausible(type, 0);
                body[Name(property)] = value;
                yield return body;
            }
        }
    }

    private static IEnumerable<JsonNode?> Hostile(Type type, Random random)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        yield return null;
        yield return JsonNode.Parse(Nest("{\"x\":", 60, "}"));
        if (type == typeof(string))
        {
            foreach (var text in HostileStrings) yield return text;
            yield return random.Next();
            yield return new JsonObject();
        }
        else if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            foreach (var number in EdgeNumbers) yield return number?.DeepClone();
            yield return "12";
            yield return true;
        }
        else if (type == typeof(DateOnly))
        {
            foreach (var date in EdgeDates) yield return date;
            yield return 20240226;
        }
        else if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            yield return "not a list";
            yield return new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)$"item-{i}").ToArray());
            yield return new JsonArray(HostileStrings.Select(s => (JsonNode?)s).ToArray());
            yield return new JsonArray(null, 1, new JsonObject());
        }
        else if (type.IsClass)
        {
            yield return "not an object";
            yield return new JsonArray();
            yield return Plausible(type, 1);
        }
    }

    /// <summary>A body whose every property has a value of the right type (strings "x", dates in range, lists of one).</summary>
    private static JsonObject Plausible(Type type, int depth)
    {
        var body = new JsonObject();
        foreach (var property in Properties(type)) body[Name(property)] = PlausibleValue(property.PropertyType, depth);
        return body;
    }

    private static JsonNode? PlausibleValue(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "x";
        if (type == typeof(int) || type == typeof(long) || type == typeof(double)) return 1;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return "2024-02-26";
        if (typeof(IEnumerable).IsAssignableFrom(type)) return new JsonArray("x");
        return depth < 3 && type.IsClass ? Plausible(type, depth + 1) : null;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead);

    private static string Name(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string Fill(string pattern, Func<string, string> value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.Split('/'))
            path.Append(segment.StartsWith('{') ? value(segment.Trim('{', '}')) : segment).Append('/');
        return path.ToString().TrimEnd('/');
    }

    private static string Section(string pattern) => pattern.Split('/').ElementAtOrDefault(2) ?? "";

    /// <summary>A record of each kind to aim the fuzz at, so bodies reach validation instead of stopping at 404.</summary>
    private static async Task<Dictionary<string, string>> FixturesAsync(HttpClient admin)
    {
        var text = $"A fuzzing report {Guid.NewGuid():N} says no ground troops would be sent.";
        var document = await ReadAsync(await admin.PostAsJsonAsync("/api/documents", new { title = "Fuzz", text }, Ct));
        var documentId = document.GetProperty("id").GetString()!;
        var start = text.IndexOf("no ground", StringComparison.Ordinal);
        var annotation = await ReadAsync(await admin.PostAsJsonAsync($"/api/documents/{documentId}/annotations", new { start, end = text.Length - 1, exact = text[start..^1] }, Ct));
        var actor = await ReadAsync(await admin.PostAsJsonAsync("/api/actors", new { name = $"Fuzz {Guid.NewGuid():N}", kind = "person" }, Ct));
        var statement = await ReadAsync(await admin.PostAsJsonAsync("/api/statements", new
        {
            actor = "olaf-scholz", kind = "quote", date = "2024-02-26", datePrecision = "day", summary = "Rules out ground troops",
            topics = Array.Empty<string>(), annotationIds = new[] { annotation.GetProperty("id").GetString() }, credibility = 2,
        }, Ct));
        var meeting = await ReadAsync(await admin.PostAsJsonAsync("/api/meetings",
            new { kind = "call", date = "2024-03-05", datePrecision = "day", participants = new[] { "olaf-scholz", "emmanuel-macron" } }, Ct));
        return new Dictionary<string, string>
        {
            ["actors:slug"] = actor.GetProperty("slug").GetString()!,
            ["documents:id"] = documentId,
            ["documents:annotationId"] = annotation.GetProperty("id").GetString()!,
            ["statements:id"] = statement.GetProperty("id").GetString()!,
            ["meetings:key"] = meeting.GetProperty("key").GetString()!,
        };
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The version to send as If-Match, so a PUT gets past the version check to the body: the ETag of a GET.</summary>
    private static async Task<string> CurrentVersionAsync(HttpClient client, string path)
    {
        var parts = path.Split('/');
        if (parts is [_, "api", "documents", var document, "annotations", var annotation])
        {
            var read = await client.GetAsync($"/api/documents/{document}", Ct);
            if (!read.IsSuccessStatusCode) return "\"1\"";
            var found = (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("annotations").EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("id").GetString() == annotation);
            return found.ValueKind == JsonValueKind.Object ? $"\"{found.GetProperty("version").GetInt32()}\"" : "\"1\"";
        }
        var response = await client.GetAsync(path, Ct);
        return response.Headers.ETag?.Tag ?? "\"1\"";
    }

    /// <summary>Every table of the app's database (the full-text index's own tables aside: they follow Statements).</summary>
    private static async Task<List<string>> TablesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is Microsoft.Data.Sqlite.SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL TABLE%' ORDER BY name"
            : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>
    /// The row count of every table, in one query. Every write is audited in the same transaction (an edit adds an
    /// audit row), so an unchanged snapshot means nothing was committed.
    /// </summary>
    private static async Task<string> SnapshotAsync(DbConnection connection, List<string> tables)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(" || ',' || ", tables.Select(t => $"(SELECT count(*) FROM \"{t}\")"));
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static string Nest(string open, int depth, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..160]}… ({text.Length:N0} chars)";
}
