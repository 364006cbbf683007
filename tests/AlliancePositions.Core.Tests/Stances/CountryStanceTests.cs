using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class CountryStanceTests
{
    // Germany is led by its chancellor (head of government); the tenure is [From, To).
    private static readonly OfficeTenure[] Germany =
    [
        new("scholz", OfficeKind.HeadOfGovernment, new DateOnly(2021, 12, 8), new DateOnly(2025, 5, 6)),
        new("merz", OfficeKind.HeadOfGovernment, new DateOnly(2025, 5, 6), null),
        new("steinmeier", OfficeKind.HeadOfState, new DateOnly(2017, 3, 19), null),
    ];

    [Fact]
    public void The_chancellor_speaks_for_Germany_until_the_day_before_the_handover()
    {
        var stances = new Dictionary<string, Stance> { ["scholz"] = Stances.At(-2), ["merz"] = Stances.At(1) };

        var before = CountryStance.Resolve(OfficeKind.HeadOfGovernment, Germany, new DateOnly(2025, 5, 5), k => stances[k]);
        var handover = CountryStance.Resolve(OfficeKind.HeadOfGovernment, Germany, new DateOnly(2025, 5, 6), k => stances[k]);

        Assert.Equal(("scholz", StanceBand.Opposes, false), (before.ActorKey, before.Stance.Band, before.IsFallback));
        Assert.Equal(("merz", StanceBand.LeansSupport, false), (handover.ActorKey, handover.Stance.Band, handover.IsFallback));
    }

    [Fact]
    public void Without_a_record_from_the_leader_the_next_executive_office_speaks_and_says_so()
    {
        var stances = new Dictionary<string, Stance> { ["merz"] = Stance.NoRecord, ["steinmeier"] = Stances.At(0) };

        var country = CountryStance.Resolve(OfficeKind.HeadOfGovernment, Germany, new DateOnly(2025, 6, 1), k => stances[k]);

        Assert.Equal(new CountryStance(stances["steinmeier"], OfficeKind.HeadOfState, "steinmeier", IsFallback: true), country);
    }

    [Fact]
    public void With_no_record_anywhere_the_leader_is_named_with_no_record()
    {
        var country = CountryStance.Resolve(OfficeKind.HeadOfGovernment, Germany, new DateOnly(2025, 6, 1), _ => Stance.NoRecord);

        Assert.Equal(("merz", StanceBand.NoRecord, false), (country.ActorKey, country.Stance.Band, country.IsFallback));
        Assert.Null(CountryStance.Resolve(OfficeKind.HeadOfState, [], new DateOnly(2025, 6, 1), _ => Stance.NoRecord).ActorKey);
    }
}
