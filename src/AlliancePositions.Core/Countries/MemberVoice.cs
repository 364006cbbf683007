using System.Globalization;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Countries;

/// <summary>
/// Whose office a member country speaks through on a question, as a sentence, and why it has no position when it has
/// none: an office holder who has said nothing that counts, or nobody recorded in office on the date (with the last
/// executive office that ended, so "Scholz's office ended" explains a Germany the matrix still shows Scholz for).
/// </summary>
public static class MemberVoice
{
    public static string Explain(string country, CountryStance stance, IReadOnlyList<OfficeHolder> tenures, DateOnly on)
    {
        var day = Day(on);
        if (stance.ActorKey is { } key && tenures.FirstOrDefault(t => t.ActorSlug == key && t.OfficeKind == stance.Office) is { } holder)
        {
            if (stance.Stance.Side is not null)
                return $"{country} speaks through {holder.ActorName} ({holder.Office}){(stance.IsFallback ? ", as the leading office's holder has no position" : "")}.";
            return $"{country} has no position: {holder.ActorName} ({holder.Office}) has no statement on this question that counts by {day}.";
        }
        var ended = tenures.Where(t => t.OfficeKind != OfficeKind.Other && t.To is { } to && to <= on).OrderByDescending(t => t.To).FirstOrDefault();
        return ended is null
            ? $"{country} has no position: nobody is recorded in its executive offices on {day}."
            : $"{country} has no position: nobody is recorded in its executive offices on {day}; {ended.ActorName}'s office ({ended.Office}) ended on {Day(ended.To!.Value)}.";
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
