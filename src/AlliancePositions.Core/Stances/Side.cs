namespace AlliancePositions.Core.Stances;

/// <summary>The camp of a stance: bands collapse to these for coalitions, agreement and bloc cohesion.</summary>
public enum Side
{
    Support,
    Oppose,
    Ambiguous,
}
