using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Actors;

public enum OfficeKind
{
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    Other,
}

/// <summary>An office held over <c>[From, To)</c>: on a handover day the successor holds it.</summary>
public class RoleTenure : ITenure
{
    public int Id { get; set; }
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public required string Office { get; set; }
    public OfficeKind OfficeKind { get; set; }

    /// <summary>The country the office belongs to (ISO alpha-2), when it is a national office.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The organisation, when the office is not a national one ("NATO").</summary>
    public string? Organisation { get; set; }

    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Marks facts an analyst added from outside the source texts (e.g. dates of office).</summary>
    public string? Basis { get; set; }
}
