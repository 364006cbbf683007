using AlliancePositions.Core.Data;
using AlliancePositions.Core.Stances;
using AlliancePositions.Tests;
using AlliancePositions.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>The node sync over a real PostgreSQL server; its notification text is covered by <see cref="StanceCacheSyncPayloadTests"/>.</summary>
[Trait("Database", TestDatabaseServer.PostgresOnly)]
public class StanceCacheSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_listens_before_the_services_after_it_start_and_keeps_what_was_computed_meanwhile()
    {
        TestDatabaseServer.RequirePostgres();
        var postgres = await TestDatabaseServer.CreateEmptyPostgresDatabaseAsync(Ct);
        using var cache = new StanceCache();
        var sync = new StanceCacheSync(cache, new StorageLocation("", postgres, DatabaseProvider.PostgreSQL), NullLogger<StanceCacheSync>.Instance);
        try
        {
            // What a service started after the sync (the warmer) computes first.
            var builds = 0;
            Task<StanceHistory?> Build(CancellationToken _) { builds++; return Task.FromResult<StanceHistory?>(null); }
            await cache.GetOrBuildHistoryAsync("some-question", Build, Ct);

            await sync.StartAsync(Ct);

            // Listening already: another node's write that moves no stance is heard, and nothing kept is thrown away.
            var before = cache.Version;
            await using (var other = new NpgsqlConnection(postgres))
            {
                await other.OpenAsync(Ct);
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{StanceCacheSync.Channel}', 'another-node s;a')", other);
                await notify.ExecuteNonQueryAsync(Ct);
            }
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (cache.Version == before && DateTime.UtcNow < deadline) await Task.Delay(20, Ct);
            Assert.Equal(before + 1, cache.Version);
            await cache.GetOrBuildHistoryAsync("some-question", Build, Ct);
            Assert.Equal(1, builds);
        }
        finally
        {
            await sync.StopAsync(CancellationToken.None);
            sync.Dispose();
            await TestDatabaseServer.DropPostgresDatabaseAsync(postgres);
        }
    }
}
