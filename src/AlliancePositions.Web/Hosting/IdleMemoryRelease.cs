using System.Runtime;

namespace AlliancePositions.Web.Hosting;

/// <summary>
/// Gives memory back to the system when the app goes quiet after heavy work. The workstation collector only runs when
/// something allocates, so after a burst (every question's history rebuilt after an import, the busiest actors' pages)
/// the working set stayed at its peak for as long as nobody asked for anything, hundreds of megabytes at a million
/// statements. Once the process has allocated at least <see cref="Burst"/> since the last release and then almost
/// nothing (under <see cref="Idle"/>) for one <see cref="Check"/>, one aggressive collection compacts the heap and
/// decommits what it no longer needs. It costs a pause of a fraction of a second at a moment nobody is waiting.
/// </summary>
public sealed class IdleMemoryRelease(TimeProvider clock, ILogger<IdleMemoryRelease> logger) : BackgroundService
{
    public static readonly TimeSpan Check = TimeSpan.FromSeconds(10);

    /// <summary>What the process must have allocated since the last release for another to be worth a pause.</summary>
    public const long Burst = 64L << 20;

    /// <summary>What may still be allocated during a <see cref="Check"/> that counts as quiet (a health probe, a timer).</summary>
    public const long Idle = 4L << 20;

    /// <summary>Bytes allocated by the process so far; a test counts its own.</summary>
    public Func<long> AllocatedBytes { get; init; } = () => GC.GetTotalAllocatedBytes();

    /// <summary>The release itself; a test observes it instead.</summary>
    public Action Release { get; init; } = CollectAggressively;

    private long atRelease;
    private long atLastCheck;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Start();
        using var timer = new PeriodicTimer(Check, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) CheckNow();
    }

    /// <summary>Counts from now: what was allocated before (start-up) is not a burst of its own.</summary>
    public void Start() => atRelease = atLastCheck = AllocatedBytes();

    /// <summary>One check: releases when the last period was quiet after a burst. Returns whether it did.</summary>
    public bool CheckNow()
    {
        var now = AllocatedBytes();
        var quiet = now - atLastCheck < Idle;
        atLastCheck = now;
        if (!quiet || now - atRelease < Burst) return false;
        var (burst, before) = (now - atRelease, Environment.WorkingSet);
        Release();
        atRelease = atLastCheck = AllocatedBytes();
        logger.LogInformation("Quiet after {Allocated:N0} MB allocated: memory released, working set {Before:N0} → {After:N0} MB",
            burst >> 20, before >> 20, Environment.WorkingSet >> 20);
        return true;
    }

    private static void CollectAggressively()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
