using AlliancePositions.Core.Data;

namespace AlliancePositions.Core.Actors;

public enum ActorKind
{
    Person,
    Institution,
    Unnamed,
    Group,
}

/// <summary>Whoever says or does something: a leader, a ministry, "a US official", "other leaders".</summary>
public class Actor : EditableRecord
{
    public required string Slug { get; set; }

    public override string AuditKey => Slug;
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }

    /// <summary>ISO 3166 alpha-2, upper case.</summary>
    public string? CountryCode { get; set; }

    /// <summary>How sources refer to the actor ("the chancellor"), used to suggest the actor while annotating.</summary>
    public List<string> Aliases { get; set; } = [];

    public string? Note { get; set; }
    public List<RoleTenure> Roles { get; set; } = [];
}
