using AlliancePositions.Core.Data;
using AlliancePositions.Core.Stances;
using Npgsql;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// Keeps the stance cache of every app node over one PostgreSQL database in step (docs/decisions/003): a write on this
/// node sends <c>NOTIFY</c> on <see cref="Channel"/> after it commits, and a listening connection clears this node's
/// cache when another node's notification arrives, within milliseconds. A node that lost its listening connection
/// may have missed writes: it clears its cache when it listens again. SQLite serves one process and needs none of this.
/// </summary>
internal sealed class StanceCacheSync(StanceCache cache, StorageLocation storage, ILogger<StanceCacheSync> logger) : BackgroundService
{
    public const string Channel = "alliancepositions_writes";

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    // Each node ignores its own notifications: its cache was cleared when it wrote.
    private readonly string node = Guid.NewGuid().ToString("N");
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(storage.ConnectionString) { KeepAlive = 15, ApplicationName = "AlliancePositions node sync" }.ConnectionString);

    /// <summary>The connection listening since <see cref="StartAsync"/>, until <see cref="ExecuteAsync"/> takes it over.</summary>
    private NpgsqlConnection? listening;

    /// <summary>
    /// Listens before the services added after it start (the warmer, the server): a node hears every write made after
    /// it cached anything, and need not clear what it computed while starting, as it must after listening again.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        cache.OnInvalidate = change => _ = PublishAsync(change);
        try
        {
            listening = await ListenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // ExecuteAsync tries again, and clears the cache once it listens.
            logger.LogWarning(exception, "Listening for other nodes' writes failed at start-up; trying again in the background");
        }
        await base.StartAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += (_, notification) =>
            {
                var (sender, change) = notification.Payload.Split(' ', 2) is [var from, var text] ? (from, text) : (notification.Payload, null);
                if (sender != node) cache.InvalidateFromPeer(CorpusChange.Parse(change));
            };
            await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A notification's text: the writing node, then what the write changed (see <see cref="CorpusChange.ToString"/>).</summary>
    internal static string Payload(string node, CorpusChange change)
    {
        var text = $"{node} {change}";
        // PostgreSQL refuses a notification of 8,000 bytes or more; "everything" is never wrong, only slower.
        return text.Length < MostPayload ? text : $"{node} {CorpusChange.All}";
    }

    private const int MostPayload = 7900;

    private async Task PublishAsync(CorpusChange change)
    {
        try
        {
            await using var notify = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", Payload(node, change));
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception exception)
        {
            // The other nodes keep stale stances until their next notification or restart: worth a warning, not a failed write.
            logger.LogWarning(exception, "Telling the other nodes of a write failed");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = listening ?? await ListenAsync(stoppingToken);
                // Listening again: the writes made while it was not are unknown.
                if (listening is null) cache.InvalidateFromPeer();
                listening = null;
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listening for other nodes' writes failed; listening again in {Seconds} s", Retry.TotalSeconds);
                cache.InvalidateFromPeer();
                await Task.Delay(Retry, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        cache.OnInvalidate = null;
        listening?.Dispose();
        source.Dispose();
        base.Dispose();
    }
}

public static class StanceCacheSyncSetup
{
    /// <summary>On PostgreSQL, where several nodes may share the database, keeps their stance caches in step.</summary>
    public static IServiceCollection AddStanceCacheSync(this IServiceCollection services, StorageLocation storage)
    {
        if (storage.Provider == DatabaseProvider.PostgreSQL) services.AddHostedService<StanceCacheSync>();
        return services;
    }
}
