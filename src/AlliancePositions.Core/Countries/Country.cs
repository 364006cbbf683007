using AlliancePositions.Core.Actors;

namespace AlliancePositions.Core.Countries;

/// <summary>A state, keyed by its ISO 3166 alpha-2 code, and the office that leads it on foreign policy.</summary>
public class Country
{
    public int Id { get; set; }

    /// <summary>ISO 3166 alpha-2, upper case.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>France's President (head of state), Germany's Chancellor (head of government).</summary>
    public OfficeKind LeadingOffice { get; set; }

    public string? LeadingOfficeTitle { get; set; }
}
