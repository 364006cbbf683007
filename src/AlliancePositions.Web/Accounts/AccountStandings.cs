using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Accounts;

/// <summary>
/// Each signed-in account's standing (<see cref="AccountChecks"/>), kept between requests until a write or
/// <see cref="Longest"/>, whichever comes first. A reader sending many requests otherwise read the account once per
/// request: on the 1M corpus that read cut a signed-in reader's throughput to a fifth of an anonymous one's.
/// </summary>
/// <remarks>
/// Every change the app makes to an account (a password, a role, disabling, deleting) is a write through its
/// contexts, which moves <see cref="StanceCache.Version"/> on this node and, through the node sync, on the others: the
/// next request reads the account again, so a revoked sign-in stops at once, as before. Only a change made behind the
/// app's back (a script on the database) is heard later, after <see cref="Longest"/> at most.
/// </remarks>
public sealed class AccountStandings(StanceCache changes, TimeProvider clock)
{
    /// <summary>How long a standing is kept when nothing is written through the app.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

    private readonly object gate = new();
    private Dictionary<(string Id, string Stamp), (AccountStanding Standing, DateTimeOffset Until)> kept = [];
    private long keptAt = -1;

    /// <summary>The standing of the account <paramref name="id"/> signed in with <paramref name="stamp"/>, read by <paramref name="read"/> when not kept.</summary>
    public async Task<AccountStanding> GetAsync(string id, string stamp, Func<Task<AccountStanding>> read)
    {
        // Taken before the read: a write that lands during it moves the version, so what was read is not kept past it.
        var version = changes.Version;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (keptAt == version && kept.TryGetValue((id, stamp), out var standing) && standing.Until > now) return standing.Standing;
        }
        var fresh = await read();
        lock (gate)
        {
            if (keptAt != version)
            {
                // Everything kept was read before a write: start again (this also bounds the dictionary by the accounts in use).
                kept = [];
                keptAt = version;
            }
            if (changes.Version == version) kept[(id, stamp)] = (fresh, now + Longest);
        }
        return fresh;
    }
}
