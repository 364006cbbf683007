namespace AlliancePositions.Core.Stances;

/// <summary>Finds where one actor's stance on one question changed band, replaying the evidence event by event.</summary>
public static class ShiftFinder
{
    /// <summary>
    /// Each event is weighed as of its own date. Moves from no record (the first record), to no record, and to or
    /// from not-enough-evidence are not shifts: there is no position on one side of them to compare.
    /// </summary>
    public static IReadOnlyList<Shift> Find(
        IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt, IReadOnlyList<MeetingAttendance> meetings, string actorKey) =>
        FromTimeline(StanceTimeline.Walk(evidence, knownAt, until: null), meetings, actorKey);

    /// <summary>The shifts along a replay already made (the stance calculator's, when it needs both).</summary>
    internal static IReadOnlyList<Shift> FromTimeline(IEnumerable<TimelinePoint> timeline, IReadOnlyList<MeetingAttendance> meetings, string actorKey)
    {
        var shifts = new List<Shift>();
        foreach (var point in timeline)
        {
            if (point.ShiftFrom is { } from && Classify(from, point.Band) is { } kind)
            {
                shifts.Add(new Shift(kind, from, point.Band, point.Date, point.Cause.StatementKey,
                    point.IsRetraction, Attended(meetings, actorKey, point.Date.Value)));
            }
        }
        return shifts;
    }

    /// <summary>A shift found without meetings, with the meetings the actor attended in the window before it.</summary>
    internal static Shift WithMeetings(Shift shift, IReadOnlyList<MeetingAttendance> meetings, string actorKey) =>
        shift with { MeetingsBefore = Attended(meetings, actorKey, shift.Date.Value) };

    /// <summary>The class of a move between two bands, or null when it is not a shift.</summary>
    public static ShiftKind? Classify(StanceBand from, StanceBand to)
    {
        if (from == to || from.ToSide() is not { } fromSide || to.ToSide() is not { } toSide) return null;
        if (fromSide == Side.Ambiguous || toSide == Side.Ambiguous) return ShiftKind.HalfShift;
        if (fromSide != toSide) return ShiftKind.Reversal;
        return to is StanceBand.Supports or StanceBand.Opposes ? ShiftKind.Strengthening : ShiftKind.Softening;
    }

    /// <summary>Meetings with the actor from the window's first day up to and including the shift's day, by date.</summary>
    private static List<MeetingAttendance> Attended(IReadOnlyList<MeetingAttendance> meetings, string actorKey, DateOnly day)
    {
        var from = day.AddDays(-Methodology.ShiftMeetingWindowDays);
        return meetings
            .Where(m => m.Date.Value >= from && m.Date.Value <= day && m.Participants.Contains(actorKey, StringComparer.Ordinal))
            .OrderBy(m => m.Date)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
    }
}
