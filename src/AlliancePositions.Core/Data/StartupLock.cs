using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlliancePositions.Core.Data;

/// <summary>
/// Serialises the start-up writes of several app nodes over one PostgreSQL database (migrations, the seed, the first
/// Admin): a session advisory lock held on its own connection while the work runs, so a second node starting at the
/// same moment waits, then finds the work done and committed. SQLite serves one process: there is nothing to wait for.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any constant the app's other advisory locks do not use.
    private const long Key = 0x416C6C506F73; // "AllPos"

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> AcquireAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql()) return new StartupLock(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        // However long the first node's migrations and seed take (the default 30 s command timeout is not enough on a
        // busy machine): the wait ends with the lock, or with the host's cancellation.
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection)) await command.ExecuteNonQueryAsync();
        await connection.DisposeAsync();
    }
}
