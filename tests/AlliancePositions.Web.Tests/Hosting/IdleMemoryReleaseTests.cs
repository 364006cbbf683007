using AlliancePositions.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Web.Tests.Hosting;

/// <summary>When the app gives memory back: once, when it goes quiet after a burst of work, and never while busy.</summary>
public class IdleMemoryReleaseTests
{
    private long allocated = 500L << 20; // what start-up allocated, before the service counts
    private int releases;

    private IdleMemoryRelease Service()
    {
        var service = new IdleMemoryRelease(new FakeTimeProvider(), NullLogger<IdleMemoryRelease>.Instance)
        {
            AllocatedBytes = () => allocated,
            Release = () => releases++,
        };
        service.Start();
        return service;
    }

    [Fact]
    public void A_quiet_app_after_a_burst_releases_once_and_not_again_until_the_next_burst()
    {
        var service = Service();
        allocated += IdleMemoryRelease.Burst; // a burst during one period
        Assert.False(service.CheckNow()); // still busy
        allocated += IdleMemoryRelease.Idle - 1;
        Assert.True(service.CheckNow()); // quiet after it
        Assert.Equal(1, releases);

        Assert.False(service.CheckNow()); // quiet, with nothing new to give back
        allocated += IdleMemoryRelease.Burst - 1; // less than a burst since the release
        Assert.False(service.CheckNow());
        Assert.False(service.CheckNow());
        allocated += 1 + IdleMemoryRelease.Burst; // and now more than one
        Assert.False(service.CheckNow());
        Assert.True(service.CheckNow());
        Assert.Equal(2, releases);
    }

    [Fact]
    public void An_app_that_keeps_working_is_never_paused()
    {
        var service = Service();
        for (var i = 0; i < 20; i++)
        {
            allocated += IdleMemoryRelease.Idle; // a steady trickle of work: never quiet
            Assert.False(service.CheckNow());
        }
        Assert.Equal(0, releases);
    }

    [Fact]
    public void What_start_up_allocated_is_not_a_burst()
    {
        var service = Service();
        Assert.False(service.CheckNow());
        Assert.Equal(0, releases);
    }

    [Fact]
    public void The_release_is_a_full_collection_the_runtime_accepts()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);
        new IdleMemoryRelease(new FakeTimeProvider(), NullLogger<IdleMemoryRelease>.Instance).Release();
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }

    [Fact]
    public void The_app_runs_it()
    {
        using var app = new AppFactory();
        Assert.Single(app.Services.GetServices<IHostedService>().OfType<IdleMemoryRelease>());
    }
}
