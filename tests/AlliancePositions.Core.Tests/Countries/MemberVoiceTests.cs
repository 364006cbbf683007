using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Countries;

public class MemberVoiceTests
{
    [Fact]
    public async Task Bloc_cohesion_says_Germany_speaks_through_its_chancellor_while_he_holds_office()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var countries = new CountryQueries(database, new StanceQueries(database));

        var cohesion = await countries.CohesionOnQuestionAsync("troop-deployment", new DateOnly(2024, 4, 30), new DateOnly(2024, 4, 30), TestContext.Current.CancellationToken);

        var nato = cohesion.Single(c => c.Bloc.Slug == "nato").Cohesion;
        Assert.Equal("Germany speaks through Olaf Scholz (Federal Chancellor of Germany).", nato.Voices!["Germany"]);
    }

    [Fact]
    public async Task Bloc_cohesion_says_Germany_has_no_position_because_the_chancellors_office_ended()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var countries = new CountryQueries(database, new StanceQueries(database));
        var day = new DateOnly(2025, 6, 1);

        var cohesion = await countries.CohesionOnQuestionAsync("troop-deployment", day, day, TestContext.Current.CancellationToken);

        var nato = cohesion.Single(c => c.Bloc.Slug == "nato").Cohesion;
        Assert.Contains("Germany", nato.Cohesion.Missing);
        Assert.Equal("Germany has no position: nobody is recorded in its executive offices on 1 Jun 2025; "
                     + "Olaf Scholz's office (Federal Chancellor of Germany) ended on 6 May 2025.", nato.Voices!["Germany"]);
    }

    [Fact]
    public void An_office_holder_without_a_position_is_named_as_the_reason()
    {
        var on = new DateOnly(2024, 4, 30);
        var holder = new OfficeHolder("a-minister", "A Minister", "Prime Minister", OfficeKind.HeadOfGovernment, new DateOnly(2023, 1, 1), null);

        var said = MemberVoice.Explain("Ruritania", new CountryStance(Stance.NoRecord, OfficeKind.HeadOfGovernment, "a-minister", false), [holder], on);

        Assert.Equal("Ruritania has no position: A Minister (Prime Minister) has no statement on this question that counts by 30 Apr 2024.", said);
    }
}
