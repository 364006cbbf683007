using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Web.Tests;

/// <summary>
/// A slow database for component tests: counts the contexts asked for, and while held keeps each one waiting until
/// released, as PostgreSQL answering asynchronously would (SQLite's async calls complete at once).
/// </summary>
public sealed class HeldDatabaseReads
{
    private TaskCompletionSource released = CompletedSource();
    private int started;

    public int Started => Volatile.Read(ref started);

    public void Hold() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => released.TrySetResult();

    public IDbContextFactory<AppDbContext> Wrap(IDbContextFactory<AppDbContext> inner) => new Factory(inner, this);

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    private sealed class Factory(IDbContextFactory<AppDbContext> inner, HeldDatabaseReads reads) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref reads.started);
            await reads.released.Task.WaitAsync(cancellationToken);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
