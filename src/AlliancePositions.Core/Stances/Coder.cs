namespace AlliancePositions.Core.Stances;

/// <summary>Who coded: an analyst, by display name (never an email), linked to a user account once accounts exist.</summary>
public class Coder
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string DisplayName { get; set; }
    public string? UserId { get; set; }
}
