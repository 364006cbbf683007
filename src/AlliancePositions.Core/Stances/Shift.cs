using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

public enum ShiftKind
{
    /// <summary>Support side to oppose side or back.</summary>
    Reversal,

    /// <summary>To or from ambiguous.</summary>
    HalfShift,

    /// <summary>Within a side, towards its pole (leans-support to supports).</summary>
    Strengthening,

    /// <summary>Within a side, away from its pole (opposes to leans-oppose).</summary>
    Softening,
}

/// <summary>A meeting as the shift finder needs it: who took part, by actor key.</summary>
public sealed record MeetingAttendance(string Key, string Title, PartialDate Date, IReadOnlyList<string> Participants);

/// <summary>
/// A band change, the statement that caused it (<see cref="ByRetraction"/>: by being retracted) and the meetings the
/// actor attended in the window before it.
/// </summary>
public sealed record Shift(
    ShiftKind Kind, StanceBand From, StanceBand To, PartialDate Date, string StatementKey, bool ByRetraction,
    IReadOnlyList<MeetingAttendance> MeetingsBefore);
