using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Components.Shared;
using Bunit;

namespace AlliancePositions.Web.Tests.Shared;

public class BandChipTests : AppComponentTest
{
    [Fact]
    public void An_ambiguous_band_shows_its_qualifier_beside_it()
    {
        var stance = new Stance(StanceBand.Ambiguous, 0, 1, 0.5, null, ["training only"], [], "0 × 1 / 1 = 0");
        var chip = Render<BandChip>(p => p.Add(c => c.Stance, stance));
        Assert.Contains("Ambiguous (training only)", chip.Find(".band").TextContent, StringComparison.Ordinal);
    }
}

public class SeededServicesTests : SeededComponentTest
{
    [Fact]
    public async Task The_seeded_services_answer_from_the_seed()
    {
        var actors = Services.GetService<Core.Actors.ActorQueries>();
        var macron = await actors!.FindAsync("emmanuel-macron", TestContext.Current.CancellationToken);
        Assert.Equal("Emmanuel Macron", macron!.Name);
    }
}
