using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>An account's standing is read once and kept until a write through the app, or ten seconds at most.</summary>
public sealed class AccountStandingsTests : IDisposable
{
    private readonly StanceCache changes = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private int reads;

    public void Dispose() => changes.Dispose();

    private Task<AccountStanding> Read(AccountStanding standing)
    {
        reads++;
        return Task.FromResult(standing);
    }

    [Fact]
    public async Task It_is_read_once_while_nothing_is_written()
    {
        var standings = new AccountStandings(changes, clock);
        for (var i = 0; i < 5; i++) Assert.Equal(AccountStanding.Current, await standings.GetAsync("ana", "stamp-1", () => Read(AccountStanding.Current)));
        Assert.Equal(1, reads);
        // Another account, or the same one signed in with another stamp, is read on its own.
        await standings.GetAsync("ben", "stamp-1", () => Read(AccountStanding.Current));
        await standings.GetAsync("ana", "stamp-2", () => Read(AccountStanding.Revoked));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_write_through_the_app_on_any_node_means_it_is_read_again()
    {
        var standings = new AccountStandings(changes, clock);
        await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Current));
        changes.Invalidate();
        Assert.Equal(AccountStanding.Revoked, await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Revoked)));
        changes.InvalidateFromPeer();
        await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Revoked));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_change_behind_the_app_s_back_is_heard_after_ten_seconds_at_most()
    {
        var standings = new AccountStandings(changes, clock);
        await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Current));
        clock.Advance(AccountStandings.Longest - TimeSpan.FromMilliseconds(1));
        Assert.Equal(AccountStanding.Current, await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Revoked)));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(AccountStanding.Revoked, await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Revoked)));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task What_was_read_while_a_write_landed_is_not_kept()
    {
        var standings = new AccountStandings(changes, clock);
        await standings.GetAsync("ana", "stamp", () =>
        {
            changes.Invalidate(); // the account was changed while it was being read
            return Read(AccountStanding.Current);
        });
        Assert.Equal(AccountStanding.Revoked, await standings.GetAsync("ana", "stamp", () => Read(AccountStanding.Revoked)));
        Assert.Equal(2, reads);
    }
}
