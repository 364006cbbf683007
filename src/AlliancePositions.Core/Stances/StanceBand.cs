namespace AlliancePositions.Core.Stances;

/// <summary>Where an actor stands on a question; wire names via <c>ToWire()</c> ("leans-support").</summary>
public enum StanceBand
{
    Supports,
    LeansSupport,
    Ambiguous,
    LeansOppose,
    Opposes,
    NotEnoughEvidence,
    NoRecord,
}

public static class StanceBands
{
    /// <summary>The camp a band belongs to; null when there is no stance to place (no record, not enough evidence).</summary>
    public static Side? ToSide(this StanceBand band) => band switch
    {
        StanceBand.Supports or StanceBand.LeansSupport => Side.Support,
        StanceBand.Opposes or StanceBand.LeansOppose => Side.Oppose,
        StanceBand.Ambiguous => Side.Ambiguous,
        _ => null,
    };

    public static bool HasPosition(this StanceBand band) => band.ToSide() is not null;

    /// <summary>Thresholds from <see cref="Methodology"/>; the edges belong to the band nearer the pole.</summary>
    public static StanceBand FromPosition(double position) => position switch
    {
        >= Methodology.SupportsFrom => StanceBand.Supports,
        >= Methodology.LeansSupportFrom => StanceBand.LeansSupport,
        <= Methodology.OpposesFrom => StanceBand.Opposes,
        <= Methodology.LeansOpposeFrom => StanceBand.LeansOppose,
        _ => StanceBand.Ambiguous,
    };
}
