using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Countries;

public class CountryQueriesTests
{
    private static readonly DateOnly April30 = new(2024, 4, 30);

    [Fact]
    public async Task Germany_speaks_through_its_chancellor_while_he_holds_office()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var countries = new CountryQueries(database, new StanceQueries(database));

        var germany = await countries.FindAsync("de", April30, April30, TestContext.Current.CancellationToken);

        var troops = germany!.Stances.Single(s => s.Question == "troop-deployment");
        Assert.Equal("olaf-scholz", troops.Stance.ActorKey);
        Assert.Equal(OfficeKind.HeadOfGovernment, troops.Stance.Office);
        Assert.Equal(StanceBand.Opposes, troops.Stance.Stance.Band);
        Assert.Contains(germany.Blocs, b => b.Slug == "nato");
    }

    [Fact]
    public async Task After_the_tenure_ended_on_2025_05_06_Germany_has_no_office_holder_on_record()
    {
        // Tenures are [From, To): on the handover day the successor, whom the seed does not record, holds the office.
        await using var database = await SeededDatabase.CreateAsync();
        var countries = new CountryQueries(database, new StanceQueries(database));
        var day = new DateOnly(2025, 5, 6);

        var germany = await countries.FindAsync("DE", day, day, TestContext.Current.CancellationToken);

        Assert.Empty(germany!.HoldersOnDate);
        Assert.Equal(StanceBand.NoRecord, germany.Stances.Single(s => s.Question == "troop-deployment").Stance.Stance.Band);
        var dayBefore = await countries.FindAsync("DE", day.AddDays(-1), day, TestContext.Current.CancellationToken);
        Assert.Equal("olaf-scholz", Assert.Single(dayBefore!.HoldersOnDate).ActorSlug);
    }

    [Fact]
    public async Task Nato_cohesion_on_troops_lists_members_without_a_record()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var countries = new CountryQueries(database, new StanceQueries(database));

        var nato = await countries.FindBlocAsync("nato", April30, April30, TestContext.Current.CancellationToken);

        // Sweden joined on 2024-03-07: 7 members of the seed's NATO on 30 April. France leans support (Macron), Germany
        // opposes (Scholz), Estonia is ambiguous through its defence minister (no prime minister recorded): S=1, O=1,
        // M=1, so the index is 1.5 * 1/3 - 0.5 = 0. The United States (no record on troops), Poland, Finland, Sweden: missing.
        Assert.Equal(7, nato!.MembersOnDate.Count);
        var troops = nato.Cohesion.Single(c => c.Question == "troop-deployment");
        Assert.Equal(0, troops.Cohesion.Agreement!.Value, 6);
        Assert.Equal(["Finland", "Poland", "Sweden", "United States"], troops.Cohesion.Missing.Order(StringComparer.Ordinal));
        Assert.True(troops.ByMember["Estonia"].IsFallback);
        Assert.Equal("Hanno Pevkur", nato.ActorNames[troops.ByMember["Estonia"].ActorKey!]);
        var beforeSweden = await countries.FindBlocAsync("nato", new DateOnly(2024, 2, 26), April30, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(beforeSweden!.MembersOnDate, m => m.Code == "SE");
    }

    [Fact]
    public async Task Every_blocs_members_for_the_question_page_come_from_one_query()
    {
        var commands = new CommandLog();
        await using var database = await SeededDatabase.CreateAsync(commands);
        var countries = new CountryQueries(database, new StanceQueries(database));
        commands.Texts.Clear();

        var cohesion = await countries.CohesionOnQuestionAsync("troop-deployment", April30, April30, TestContext.Current.CancellationToken);

        Assert.True(cohesion.Count >= 2);
        Assert.Single(commands.Texts, text => text.Contains("FROM \"BlocMemberships\"", StringComparison.Ordinal));
    }

    private sealed class CommandLog : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Texts { get; } = [];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
