using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>The band after one event: a statement starting to count, or a retraction stopping one.</summary>
internal sealed record TimelinePoint(PartialDate Date, EvidenceItem Cause, bool IsRetraction, StanceBand Band, bool BandChanged);

/// <summary>
/// Replays the evidence in the deterministic order (date, statement key, additions before retractions), one point per
/// day, so "since" and shifts can name the statement that moved the band.
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
        var events = Events(evidence, knownAt);
        PartialDate? dayStart = null;
        for (var i = 0; i < events.Count; i++)
        {
            var (date, item, isRetraction) = events[i];
            if (date.Value > until) yield break;
            dayStart ??= date;
            if (isRetraction) active.Remove(item);
            else if (!(item.RetractedOn <= item.Date.Value)) active.Add(item);
            // Everything said on one day counts together: the order of two statements of the same day (or of
            // "Feb 2024" and "1 Feb 2024") is a tie-break for display, not a change of mind between them.
            if (i + 1 < events.Count && events[i + 1].Date.Value == date.Value) continue;

            var (band, _) = StanceCalculator.Evaluate(StanceCalculator.Weigh(active, until ?? date.Value));
            // The day is shown at its coarsest precision ("Feb 2024" when a month-dated item is among it).
            yield return new TimelinePoint(dayStart.Value, item, isRetraction, band, band != previous);
            previous = band;
            dayStart = null;
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
