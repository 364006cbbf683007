using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Stances;

/// <summary>An office held over <c>[From, To)</c> (<see cref="Tenure"/>'s rule): on a handover day the successor holds it.</summary>
public sealed record OfficeTenure(string ActorKey, OfficeKind Office, DateOnly From, DateOnly? To) : ITenure;

/// <summary>
/// A country's stance and whose it is: <see cref="Office"/> and <see cref="ActorKey"/> name the holder used (null
/// when no executive office was held); <see cref="IsFallback"/> when that was not the leading office.
/// </summary>
public sealed record CountryStance(Stance Stance, OfficeKind? Office, string? ActorKey, bool IsFallback)
{
    private static readonly OfficeKind[] ExecutiveOffices =
        [OfficeKind.HeadOfState, OfficeKind.HeadOfGovernment, OfficeKind.ForeignMinister, OfficeKind.DefenceMinister];

    /// <summary>
    /// The leading office holder's stance on <paramref name="on"/>; if that holder has no record (or nobody holds it),
    /// the first executive office, in the order head of state, head of government, foreign minister, defence
    /// minister, whose holder has a record. With none, the leading holder's (empty) record.
    /// </summary>
    public static CountryStance Resolve(
        OfficeKind leadingOffice, IReadOnlyList<OfficeTenure> tenures, DateOnly on, Func<string, Stance> stanceOf)
    {
        CountryStance? leading = null;
        foreach (var office in ExecutiveOffices.Where(o => o != leadingOffice).Prepend(leadingOffice))
        {
            if (Holder(tenures, office, on) is not { } holder) continue;
            var found = new CountryStance(stanceOf(holder.ActorKey), office, holder.ActorKey, office != leadingOffice);
            if (found.Stance.Band != StanceBand.NoRecord) return found;
            if (office == leadingOffice) leading = found;
        }
        return leading ?? new CountryStance(Stance.NoRecord, null, null, false);
    }

    /// <summary>The holder on the day; with overlapping tenures, the most recent appointment, then the key.</summary>
    private static OfficeTenure? Holder(IReadOnlyList<OfficeTenure> tenures, OfficeKind office, DateOnly on) =>
        tenures.Where(t => t.Office == office && t.IsHeldOn(on))
            .OrderByDescending(t => t.From)
            .ThenBy(t => t.ActorKey, StringComparer.Ordinal)
            .FirstOrDefault();
}
