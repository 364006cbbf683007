using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests.Corpus;

public class SeedCorpusTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Start_up_loads_the_seed_with_its_actors_meetings_and_statements()
    {
        _ = app.Server; // starting the host runs migrations and the seed
        await using var db = app.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;

        var actors = await db.Actors.Select(a => a.Slug).ToListAsync(ct);
        Assert.Superset(new HashSet<string> { "emmanuel-macron", "joe-biden", "olaf-scholz", "vladimir-putin", "antony-blinken", "estonian-defence-ministry", "us-official" },
            actors.ToHashSet());
        Assert.Equal(["blinken-paris-2024", "feb-2024-calls", "paris-conference-2024"], await db.Meetings.OrderBy(m => m.Key).Select(m => m.Key).ToListAsync(ct));

        var statements = await db.Statements.Include(s => s.Evidence).ThenInclude(a => a.Document).ToListAsync(ct);
        Assert.True(statements.Count >= 10, $"only {statements.Count} statements");
        Assert.All(statements, statement =>
        {
            Assert.NotEmpty(statement.Evidence);
            Assert.All(statement.Evidence, a => Assert.Equal(a.Exact, a.Document.Text.Substring(a.Start, a.End - a.Start)));
        });
    }

    [Fact]
    public async Task The_seed_document_is_graded_through_the_outlet_it_cites()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var document = await db.Documents.Include(d => d.CitedOutlets).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(document.OutletId);
        Assert.Equal("wall-street-journal", Assert.Single(document.CitedOutlets).Slug);
        Assert.Equal(Core.Sources.SourceGrade.B, document.EffectiveReliability);
        Assert.False(string.IsNullOrWhiteSpace(document.ReliabilityReason));
    }
}

public class OtherCorpusTests
{
    [Fact]
    public async Task A_different_corpus_folder_loads_the_same_way()
    {
        await using var app = new AppFactory { SeedDirectory = AppFactory.TestData("small-corpus") };
        _ = app.Server;
        await using var db = app.CreateDbContext();
        Assert.Equal(["dutch-defence-minister", "dutch-prime-minister"],
            await db.Actors.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.Statements.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_invalid_corpus_makes_the_app_exit_non_zero_listing_every_problem_and_writing_nothing()
    {
        // The real entry point in its own process: only that shows the exit code a deployment would see.
        var data = Directory.CreateTempSubdirectory("alliancepositions-invalid");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlliancePositions.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = data.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Seed__Directory"] = AppFactory.TestData("invalid-corpus"),
                ["Storage__Directory"] = data.FullName,
                ["DOTNET_ENVIRONMENT"] = "Testing",
            },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await errors;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("$.statements[0].actor", log, StringComparison.Ordinal);
        Assert.Contains("$.statements[1].codings[0].position", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", log, StringComparison.Ordinal);
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.FullName, "alliancepositions.db")}"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT (SELECT COUNT(*) FROM Statements) + (SELECT COUNT(*) FROM Actors) + (SELECT COUNT(*) FROM Topics)";
            Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }
}
