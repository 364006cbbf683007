using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// The band after one event: a statement starting to count, or a retraction stopping one. <see cref="ShiftFrom"/> is
/// the band it shifted from when the methodology counts the change as a shift (1.0: every band change; 2.0: see
/// <see cref="LatentStanceCalculator"/>); <see cref="Interval"/> is 2.0's.
/// </summary>
/// <remarks>
/// 2.0's walk also carries the filter's own state after the day (<see cref="State"/>, on <see cref="StateDay"/>, the day
/// of the last statement it read) and how many statements count (<see cref="Counting"/>): a stance at any later date
/// before the next point is that state carried forward by the drift (<see cref="StanceHistory"/>).
/// </remarks>
internal sealed record TimelinePoint(PartialDate Date, EvidenceItem Cause, bool IsRetraction, StanceBand Band, bool BandChanged, double? Position,
    StanceBand? ShiftFrom = null, StanceInterval? Interval = null, LevelEstimate? State = null, int StateDay = 0, int Counting = 0);

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
        if (events.Count == 0) yield break;
        var mean = new RunningMean(events[0].Date.Value);
        PartialDate? dayStart = null;
        for (var i = 0; i < events.Count; i++)
        {
            var (date, item, isRetraction) = events[i];
            if (date.Value > until) yield break;
            dayStart ??= date;
            if (isRetraction)
            {
                active.Remove(item);
                mean.Reset(active); // rare: start the sums again rather than subtract and drift
            }
            else if (!(item.RetractedOn <= item.Date.Value))
            {
                active.Add(item);
                mean.Add(item);
            }
            // Everything said on one day counts together: the order of two statements of the same day (or of
            // "Feb 2024" and "1 Feb 2024") is a tie-break for display, not a change of mind between them.
            if (i + 1 < events.Count && events[i + 1].Date.Value == date.Value) continue;

            var (band, position) = mean.Evaluate();
            // The day is shown at its coarsest precision ("Feb 2024" when a month-dated item is among it).
            yield return new TimelinePoint(dayStart.Value, item, isRetraction, band, band != previous, position, band != previous ? previous : null);
            previous = band;
            dayStart = null;
        }
    }

    /// <summary>
    /// The weighted mean kept as running sums, so replaying n statements costs n steps, not n². Recency halves every
    /// weight at the same rate, so the mean as of any later date equals the mean with each item weighted
    /// 2^((its date − the first date) / half-life): the as-of date cancels out of the ratio.
    /// </summary>
    private sealed class RunningMean(DateOnly origin)
    {
        private double weight, weightedPosition;
        private int count, strong;

        public void Add(EvidenceItem item)
        {
            var w = Methodology.SourceWeight(item.Source) * Methodology.CredibilityWeight(item.Credibility)
                * Math.Pow(2, (item.Date.Value.DayNumber - origin.DayNumber) / Methodology.HalfLifeDays);
            weight += w;
            weightedPosition += w * item.Position;
            count++;
            if (!Methodology.IsWeak(item.Source, item.Credibility)) strong++;
        }

        public void Reset(IEnumerable<EvidenceItem> items)
        {
            (weight, weightedPosition, count, strong) = (0, 0, 0, 0);
            foreach (var item in items) Add(item);
        }

        public (StanceBand Band, double? Position) Evaluate()
        {
            if (count == 0) return (StanceBand.NoRecord, null);
            if (strong == 0) return (StanceBand.NotEnoughEvidence, null);
            var position = weightedPosition / weight;
            return (StanceBands.FromPosition(position), position);
        }
    }

    /// <summary>Additions and retractions known at <paramref name="knownAt"/>, in the deterministic replay order.</summary>
    internal static List<(PartialDate Date, EvidenceItem Item, bool IsRetraction)> Events(
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
