using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Dates;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Tests.Dates;

public class TenureTests
{
    private static readonly DateOnly From = new(2024, 3, 7);
    private static readonly DateOnly To = new(2025, 5, 6);

    public static TheoryData<DateOnly, DateOnly?, bool> Days => new()
    {
        { From.AddDays(-1), To, false },
        { From, To, true },
        { To.AddDays(-1), To, true },
        { To, To, false },
        { From.AddDays(-1), null, false },
        { From, null, true },
        { new DateOnly(2099, 1, 1), null, true },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void A_tenure_is_held_from_its_first_day_up_to_but_not_on_its_end_day(DateOnly day, DateOnly? to, bool held)
    {
        Assert.Equal(held, new Span(From, to).IsHeldOn(day));
        Assert.Equal(held, Tenure.HeldOn<Span>(day).Compile()(new Span(From, to)));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_database_applies_the_same_rule(DateOnly day, DateOnly? to, bool held)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.BlocMemberships.Add(new BlocMembership
            {
                Bloc = new Bloc { Slug = "nato", Name = "NATO" },
                Country = new Country { Code = "SE", Name = "Sweden" },
                From = From,
                To = to,
            });
            await db.SaveChangesAsync(ct);
        }
        await using var read = database.CreateDbContext();

        Assert.Equal(held, await read.BlocMemberships.Where(Tenure.HeldOn<BlocMembership>(day)).AnyAsync(ct));
    }

    private sealed record Span(DateOnly From, DateOnly? To) : ITenure;
}
