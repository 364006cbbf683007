using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Countries;

/// <summary>An alliance or union (NATO, EU) whose members change over time.</summary>
public class Bloc
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<BlocMembership> Members { get; set; } = [];
}

/// <summary>Membership over <c>[From, To)</c>: Sweden is in NATO from 2024-03-07.</summary>
public class BlocMembership : ITenure
{
    public int Id { get; set; }
    public int BlocId { get; set; }
    public Bloc Bloc { get; set; } = null!;
    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}
