namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>Each options class is checked when the app starts: a bad setting stops it, naming the setting.</summary>
public class OptionsValidationTests
{
    [Fact]
    public async Task An_empty_storage_directory_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Storage:Directory", "", "Storage:Directory must name the folder for the database and logs.");
    }

    [Fact]
    public async Task A_seed_directory_without_a_corpus_stops_the_app_at_start()
    {
        var empty = Directory.CreateTempSubdirectory("alliancepositions-no-corpus");
        await AssertStopsAtStartAsync("Seed:Directory", empty.FullName, "Seed:Directory must name a folder that holds corpus.json");
        empty.Delete();
    }

    [Fact]
    public async Task A_bootstrap_admin_email_that_is_not_an_email_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Bootstrap:AdminEmail", "not-an-email", "Bootstrap:AdminEmail must be an email address.");
    }

    [Fact]
    public async Task A_bootstrap_admin_password_shorter_than_identity_allows_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Bootstrap:AdminPassword", "Short-1a", "Bootstrap:AdminPassword must be at least 12 characters long.");
    }

    [Fact]
    public async Task An_anonymous_read_setting_that_is_not_a_boolean_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Access:AnonymousRead", "maybe", "'Access:AnonymousRead' to type 'System.Boolean'");
    }

    [Fact]
    public async Task A_database_provider_that_is_neither_sqlite_nor_postgresql_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Database:Provider", "Oracle", "Database:Provider must be Sqlite or PostgreSQL.");
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_app_at_start()
    {
        await AssertStopsAtStartAsync("Database:Provider", "PostgreSQL", "Database:Provider PostgreSQL needs ConnectionStrings:AlliancePositions");
    }

    /// <summary>
    /// Runs the real entry point in its own process with one bad setting (only that shows the exit code a deployment
    /// sees): it must exit 1 before listening, and its log must say what is wrong.
    /// </summary>
    private static async Task AssertStopsAtStartAsync(string setting, string value, string expectedMessage)
    {
        var data = Directory.CreateTempSubdirectory("alliancepositions-options");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlliancePositions.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = data.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Storage__Directory"] = data.FullName,
                ["DOTNET_ENVIRONMENT"] = "Testing",
                [setting.Replace(":", "__", StringComparison.Ordinal)] = value,
            },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var log = await output + await errors;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(expectedMessage, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", log, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }
}
