using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>The band after one event: a statement starting to count, or a retraction stopping one.</summary>
internal sealed record TimelinePoint(PartialDate Date, EvidenceItem Cause, bool IsRetraction, StanceBand Band, bool BandChanged);

/// <summary>
/// Replays the evidence one event at a time in the deterministic order (date, statement key, additions before
/// retractions), so "since" and shifts can name the statement that moved the band.
/// </summary>
internal static class StanceTimeline
{
    /// <summary>
    /// With <paramref name="until"/>, events up to that date, each weighed as of it (exactly as the stance itself is);
    /// without, every event weighed as of its own date.
    /// </summary>
    public static IEnumerable<TimelinePoint> Walk(IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt, DateOnly? until)
    {
        var active = new List<EvidenceItem>();
        var previous = StanceBand.NoRecord;
        foreach (var (date, item, isRetraction) in Events(evidence, knownAt))
        {
            if (date.Value > until) yield break;
            if (isRetraction) active.Remove(item);
            else if (!(item.RetractedOn <= item.Date.Value)) active.Add(item);

            var (band, _) = StanceCalculator.Evaluate(StanceCalculator.Weigh(active, until ?? date.Value));
            yield return new TimelinePoint(date, item, isRetraction, band, band != previous);
            previous = band;
        }
    }

    private static List<(PartialDate Date, EvidenceItem Item, bool IsRetraction)> Events(
        IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt)
    {
        var known = evidence.Where(e => e.KnownOn <= knownAt).ToList();
        var events = known.Select(e => (Date: e.Date, Item: e, IsRetraction: false))
            .Concat(known.Where(e => e.RetractedOn is not null)
                .Select(e => (Date: new PartialDate(e.RetractedOn!.Value, DatePrecision.Day), Item: e, IsRetraction: true)))
            .ToList();
        events.Sort((a, b) =>
        {
            var byDate = a.Date.CompareTo(b.Date);
            if (byDate != 0) return byDate;
            var byKey = string.CompareOrdinal(a.Item.StatementKey, b.Item.StatementKey);
            return byKey != 0 ? byKey : a.IsRetraction.CompareTo(b.IsRetraction);
        });
        return events;
    }
}
