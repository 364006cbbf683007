using Microsoft.Extensions.Caching.Memory;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// Every actor's stances on a question at (asOf, knownAt), kept until the corpus next changes. Stances only move when
/// the data does, yet the home page, the question list, the question page, countries, blocs and changes all need
/// every actor's stance on every question: without this each of those pages would replay the whole question's
/// evidence on every visit. Beside them it keeps each question's <see cref="StanceHistory"/>, which answers any other
/// date, and what an actor's page reads beside it (hindsight lines, the statements' keys, meetings). A write through the
/// app's contexts tells it what changed (<see cref="Invalidation"/>): the histories, every actor's stances per question
/// and date, and the actors' records are kept and brought up to date for the actors the write concerned when next
/// read; the rest (the chosen actors' stances, the answers) is cleared.
/// </summary>
/// <remarks>
/// The cache lives in the app's process. Several app nodes over one PostgreSQL database hear of each other's writes:
/// <see cref="Invalidate"/> also tells <see cref="OnInvalidate"/>, which the host's node sync (Web/Hosting/
/// StanceCacheSync, LISTEN/NOTIFY) turns into a notification; the others then call <see cref="InvalidateFromPeer"/>.
/// </remarks>
public sealed partial class StanceCache : IDisposable
{
    /// <summary>
    /// Entries kept at once of every actor's stances per question and date (one question's stances and shifts, no
    /// matrix until asked), and as many of the chosen actors' stances and the answers (<see cref="GetOrComputeAnswerAsync"/>),
    /// which give way first.
    /// </summary>
    public const int Capacity = 256;

    /// <summary>
    /// Actors' records kept at once (<see cref="GetOrComputeForActorAsync"/>): two per actor whose page was opened, each
    /// up to a few megabytes for the busiest actor of a million statements.
    /// </summary>
    public const int ActorCapacity = 64;

    /// <summary>How many of the actors whose pages were opened last <see cref="RecentActors"/> remembers.</summary>
    public const int RecentActorsKept = 8;

    /// <summary>How many writes' changes are kept for the entries kept across writes to be brought up to date with; an older entry is computed again.</summary>
    public const int ChangesKept = 256;

    // Expired entries (only those of GetOrShareBrieflyAsync expire) are looked for at most this often, on a cache access.
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity, ExpirationScanFrequency = TimeSpan.FromSeconds(5) });

    /// <summary>
    /// Every actor's stances on a question at a date, kept across writes: brought up to date, when next read, for the
    /// actors the writes since concern. As many as <see cref="Capacity"/>.
    /// </summary>
    private readonly MemoryCache questionEntries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The actors' records, kept across writes that do not concern them.</summary>
    private readonly MemoryCache actorEntries = new(new MemoryCacheOptions { SizeLimit = ActorCapacity });

    /// <summary>
    /// An entry kept across writes (<see cref="histories"/>, <see cref="questionEntries"/>, <see cref="actorEntries"/>): its computation and the
    /// <see cref="Version"/> it was last known to be up to date at. When read at a later version it is brought up to
    /// date with what the writes since changed (<see cref="changes"/>).
    /// </summary>
    private sealed class KeptSlot(object pending, long upToDateAt)
    {
        public object Pending { get; } = pending;

        private long upToDateAt = upToDateAt;

        public long UpToDateAt => Interlocked.Read(ref upToDateAt);

        public void UpToDate(long at) => Interlocked.Exchange(ref upToDateAt, at);
    }

    /// <summary>The writes' changes since the last change of everything (at <see cref="everythingAt"/>), by version.</summary>
    private readonly List<(long Version, CorpusChange Change)> changes = [];

    private long everythingAt;

    /// <summary>
    /// Each question's <see cref="StanceHistory"/>: one per question, not per date, so kept apart from the dates' entries,
    /// and kept across writes (as many as <see cref="Capacity"/> questions).
    /// </summary>
    private readonly MemoryCache histories = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private long version;

    /// <summary>Moves on every change of the corpus; a result computed across a change is not kept.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Clears the cache for a write made here that may have changed anything, and tells the other nodes (when there are any).</summary>
    public void Invalidate() => Invalidate(CorpusChange.All);

    /// <summary>
    /// Clears the cache for a write made here, and tells the other nodes (when there are any). The histories are kept:
    /// each walks the actors <paramref name="change"/> concerns again when next read (all of it after a change of
    /// <see cref="CorpusChange.Everything"/>).
    /// </summary>
    public void Invalidate(CorpusChange change)
    {
        InvalidateFromPeer(change);
        OnInvalidate?.Invoke(change);
    }

    /// <summary>Clears the cache for a write another node made that may have changed anything.</summary>
    public void InvalidateFromPeer() => InvalidateFromPeer(CorpusChange.All);

    /// <summary>Clears the cache for a write another node made (that node has told the others), as <see cref="Invalidate(CorpusChange)"/>.</summary>
    public void InvalidateFromPeer(CorpusChange change)
    {
        lock (changes)
        {
            var now = Interlocked.Increment(ref version);
            if (!change.Everything) changes.Add((now, change));
            else
            {
                everythingAt = now;
                changes.Clear();
            }
            if (changes.Count > ChangesKept)
            {
                everythingAt = changes[0].Version;
                changes.RemoveAt(0);
            }
        }
        if (change.Everything)
        {
            histories.Compact(1.0);
            questionEntries.Compact(1.0);
            actorEntries.Compact(1.0);
        }
        entries.Compact(1.0);
    }

    /// <summary>Called after every <see cref="Invalidate(CorpusChange)"/>: how the other nodes over the same database hear of a write.</summary>
    public Action<CorpusChange>? OnInvalidate { get; set; }

    /// <summary>
    /// The cached stances of the chosen actors, or computes them once however many callers ask at the same time. The
    /// computation is not tied to the first caller's cancellation: a visitor who leaves must not fail the others waiting
    /// for it.
    /// </summary>
    /// <param name="actors">The chosen actors' keys in a canonical order.</param>
    public Task<QuestionStances?> GetOrComputeAsync(string question, DateOnly asOf, DateOnly knownAt, StanceLens lens, string actors,
        Func<CancellationToken, Task<QuestionStances?>> compute, CancellationToken cancellationToken) =>
        GetOrComputeEntryAsync((question, asOf, knownAt, lens, actors), compute, cancellationToken);

    /// <summary>
    /// Every actor's cached stances on the question, computed once however many callers ask (as the chosen actors'
    /// are), and kept across writes: after one, <paramref name="update"/> brings them up to date from what the writes
    /// since changed (never <see cref="CorpusChange.Everything"/>: after such a write they are computed anew).
    /// </summary>
    public Task<QuestionStances?> GetOrComputeAsync(string question, DateOnly asOf, DateOnly knownAt, StanceLens lens,
        Func<CancellationToken, Task<QuestionStances?>> compute, Func<QuestionStances?, CorpusChange, CancellationToken, Task<QuestionStances?>> update,
        CancellationToken cancellationToken) =>
        GetOrKeepAsync(questionEntries, (question, asOf, knownAt, lens), compute, update, cancellationToken);

    /// <summary>
    /// Something of one actor that no date changes, computed once as <see cref="GetOrComputeAsync"/> computes stances:
    /// the actor's lines in hindsight (the smoother reads everything known whatever the date asked about, so every date
    /// of the actor's page cuts the same lines), or what the lines name by id. <paramref name="what"/> tells them apart.
    /// It is kept across the writes <paramref name="concerns"/> says do not concern the actor (given what they changed,
    /// never <see cref="CorpusChange.Everything"/>): an analyst coding one actor's statement leaves the other actors'
    /// pages as fast as before.
    /// </summary>
    public Task<T> GetOrComputeForActorAsync<T>(string actor, object what, Func<CancellationToken, Task<T>> compute,
        Func<CorpusChange, CancellationToken, Task<bool>> concerns, CancellationToken cancellationToken) =>
        GetOrComputeForActorAsync(actor, what, compute, (_, _, token) => compute(token), concerns, cancellationToken);

    /// <inheritdoc cref="GetOrComputeForActorAsync{T}(string, object, Func{CancellationToken, Task{T}}, Func{CorpusChange, CancellationToken, Task{bool}}, CancellationToken)"/>
    /// <param name="recompute">
    /// How it is brought up to date after the writes since that concern the actor, given what it was and what they changed.
    /// </param>
    public Task<T> GetOrComputeForActorAsync<T>(string actor, object what, Func<CancellationToken, Task<T>> compute,
        Func<T, CorpusChange, CancellationToken, Task<T>> recompute, Func<CorpusChange, CancellationToken, Task<bool>> concerns, CancellationToken cancellationToken)
    {
        NoteActor(actor);
        return GetOrKeepAsync(actorEntries, (actor, what), compute,
            async (kept, since, token) => await concerns(since, token) ? await recompute(kept, since, token) : kept, cancellationToken);
    }

    /// <summary>
    /// An entry of <paramref name="store"/>, computed once however many callers ask, and kept across writes: read after
    /// one, it is replaced by <paramref name="update"/> of its value and what the writes since changed (by
    /// <paramref name="compute"/> after a change of everything, or when those changes are too old to tell).
    /// </summary>
    private async Task<T> GetOrKeepAsync<T>(MemoryCache store, object key, Func<CancellationToken, Task<T>> compute,
        Func<T, CorpusChange, CancellationToken, Task<T>> update, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = Version;
            var slot = store.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                return new KeptSlot(Start(compute), now);
            })!;
            if (slot.UpToDateAt != now && ChangedSince(slot.UpToDateAt) is var since)
            {
                // The writes since touched nothing kept here (a document's title, say).
                if (since is { TouchesHistories: false, Meetings: false }) slot.UpToDate(now);
                else
                {
                    var kept = (Lazy<Task<T>>)slot.Pending;
                    var replacement = since is null
                        ? new KeptSlot(Start(compute), now)
                        : new KeptSlot(Start(async token => await update(await kept.Value, since, token)), now);
                    lock (store)
                    {
                        // Another reader brought it up to date first, or a write replaced it meanwhile: look again.
                        if (!store.TryGetValue(key, out KeptSlot? current) || current != slot) continue;
                        store.Set(key, replacement, new MemoryCacheEntryOptions { Size = 1 });
                    }
                    slot = replacement;
                }
            }
            var read = slot;
            return await AwaitKeptAsync((Lazy<Task<T>>)read.Pending, seen: null, () =>
            {
                lock (store)
                    if (store.TryGetValue(key, out KeptSlot? current) && current == read) store.Remove(key);
            }, cancellationToken);
        }
    }

    /// <summary>What the writes after <paramref name="version"/> changed, or null when one of them changed everything (or it is too long ago to tell).</summary>
    private CorpusChange? ChangedSince(long version)
    {
        lock (changes)
        {
            if (version < everythingAt) return null;
            var since = CorpusChange.None;
            foreach (var (at, change) in changes)
                if (at > version) since = since.And(change);
            return since;
        }
    }

    /// <summary>
    /// An answer derived from the corpus alone (an API response before it is written out), computed once per
    /// <paramref name="key"/> until the next write as <see cref="GetOrComputeAsync"/> computes stances: a client polling
    /// the same question costs a lookup, not the checks and the arithmetic again. The key names the answer and every
    /// argument it depends on. When the cache is full, answers give way first: the stances they are made from are dearer
    /// to compute again.
    /// </summary>
    public Task<T> GetOrComputeAnswerAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken) =>
        GetOrComputeEntryAsync(key, compute, cancellationToken, CacheItemPriority.Low);

    /// <summary>
    /// A read shared by the computations that need it at about the same time, as <see cref="GetOrComputeAnswerAsync"/>
    /// computes answers, but kept only <paramref name="keptFor"/> after it was last asked for (or until the next write):
    /// the evidence a write's actors have on every question, which each question's history and kept stances bring up
    /// to date one after the other, is read once for all of them and not held past them.
    /// </summary>
    public Task<T> GetOrShareBrieflyAsync<T>(object key, TimeSpan keptFor, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken) =>
        GetOrComputeEntryAsync(key, compute, cancellationToken, CacheItemPriority.Low, keptFor);

    /// <summary>Whether <see cref="GetOrComputeForActorAsync"/> keeps (or is computing) that entry, known to be up to date.</summary>
    public bool HoldsForActor(string actor, object what) =>
        actorEntries.TryGetValue((actor, what), out KeptSlot? slot) && slot!.UpToDateAt == Version;

    private readonly LinkedList<string> recentActors = [];

    /// <summary>
    /// The actors asked about last, most recent first, kept across writes (unlike the entries): the ones whose pages a
    /// warmer should compute again after a write, before their readers come back.
    /// </summary>
    public IReadOnlyList<string> RecentActors
    {
        get { lock (recentActors) return [.. recentActors]; }
    }

    private void NoteActor(string actor)
    {
        lock (recentActors)
        {
            if (recentActors.First?.Value == actor) return;
            recentActors.Remove(actor);
            recentActors.AddFirst(actor);
            if (recentActors.Count > RecentActorsKept) recentActors.RemoveLast();
        }
    }

    private Task<T> GetOrComputeEntryAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken,
        CacheItemPriority priority = CacheItemPriority.Normal, TimeSpan? keptFor = null)
    {
        var seen = Version;
        var pending = entries.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.Priority = priority;
            entry.SlidingExpiration = keptFor;
            // On the thread pool, not on the first caller's context: a Blazor circuit that asked first must stay free to
            // render (its progress, other components) while a large question is worked out.
            return Start(compute);
        })!;
        return AwaitKeptAsync(pending, seen, () => entries.Remove(key), cancellationToken);
    }

    /// <summary>
    /// A pending computation's result for this caller. Computed from data that has changed since <paramref name="seen"/>
    /// (or failed), it is handed out but kept for no one: <paramref name="forget"/> drops it. Without a
    /// <paramref name="seen"/>, only a failure drops it.
    /// </summary>
    private async Task<T> AwaitKeptAsync<T>(Lazy<Task<T>> pending, long? seen, Action forget, CancellationToken cancellationToken)
    {
        try
        {
            var result = await pending.Value.WaitAsync(cancellationToken);
            if (seen is not null && Version != seen) forget();
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            forget();
            throw;
        }
    }

    /// <summary>
    /// The question's history, or builds it once however many callers ask (as <see cref="GetOrComputeAsync"/> computes
    /// a date's stances): every date of the question is then read from it. After a write it is not built again but
    /// brought up to date by <paramref name="refresh"/>, given the history and what the writes since changed (without a
    /// <paramref name="refresh"/>, built again).
    /// </summary>
    public Task<StanceHistory?> GetOrBuildHistoryAsync(string question, Func<CancellationToken, Task<StanceHistory?>> build, CancellationToken cancellationToken) =>
        GetOrBuildHistoryAsync(question, build, null, cancellationToken);

    /// <inheritdoc cref="GetOrBuildHistoryAsync(string, Func{CancellationToken, Task{StanceHistory}}, CancellationToken)"/>
    public Task<StanceHistory?> GetOrBuildHistoryAsync(string question, Func<CancellationToken, Task<StanceHistory?>> build,
        Func<StanceHistory?, CorpusChange, CancellationToken, Task<StanceHistory?>>? refresh, CancellationToken cancellationToken) =>
        GetOrKeepAsync(histories, question, build, refresh ?? ((_, _, token) => build(token)), cancellationToken);

    private static Lazy<Task<T>> Start<T>(Func<CancellationToken, Task<T>> compute) => new(() => Task.Run(() => compute(CancellationToken.None)));

    /// <summary>
    /// Every actor's stances when they are already computed (or being computed) and no write since has moved a stance,
    /// else null.
    /// </summary>
    public Task<QuestionStances?>? Find(string question, DateOnly asOf, DateOnly knownAt, StanceLens lens)
    {
        if (!questionEntries.TryGetValue((question, asOf, knownAt, lens), out KeptSlot? slot)) return null;
        var now = Version;
        if (slot!.UpToDateAt != now)
        {
            if (ChangedSince(slot.UpToDateAt) is not { TouchesHistories: false }) return null;
            slot.UpToDate(now);
        }
        return ((Lazy<Task<QuestionStances?>>)slot.Pending).Value;
    }

    public void Dispose()
    {
        entries.Dispose();
        questionEntries.Dispose();
        actorEntries.Dispose();
    }
}
