using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

/// <summary>Ready-made stances for tests whose subject is what is done with a stance, not how it is computed.</summary>
internal static class Stances
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    /// <summary>One B2 item on the day itself, so the position is exactly <paramref name="position"/>.</summary>
    public static Stance At(double position) =>
        StanceCalculator.Compute([new EvidenceBuilder().Position(position).Build()], Day, Day);

    public static Stance NotEnough() =>
        StanceCalculator.Compute([new EvidenceBuilder().Position(2).Rated(Credibility.Improbable).Build()], Day, Day);
}
