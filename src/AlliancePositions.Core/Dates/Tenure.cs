using System.Linq.Expressions;

namespace AlliancePositions.Core.Dates;

/// <summary>
/// Something held over <c>[From, To)</c>: an office, a bloc membership. On a handover day the successor holds it;
/// an open end (<c>To</c> null) means it is held still.
/// </summary>
public interface ITenure
{
    DateOnly From { get; }
    DateOnly? To { get; }
}

/// <summary>The one rule for whether a tenure is held on a date, for queries (translated to SQL) and for loaded rows.</summary>
public static class Tenure
{
    /// <summary>Held on <paramref name="date"/>, as a predicate EF Core translates: <c>From &lt;= date AND (To IS NULL OR date &lt; To)</c>.</summary>
    public static Expression<Func<T, bool>> HeldOn<T>(DateOnly date) where T : ITenure =>
        tenure => tenure.From <= date && (tenure.To == null || date < tenure.To);

    /// <summary>The same rule for a row already loaded.</summary>
    public static bool IsHeldOn(this ITenure tenure, DateOnly date) => tenure.From <= date && (tenure.To == null || date < tenure.To);
}
