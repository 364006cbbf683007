using AlliancePositions.Web.Countries;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Countries;

public class CountryPagesTests : SeededComponentTest
{
    public CountryPagesTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Country_list_links_by_lower_case_code_and_names_the_leading_office()
    {
        var page = Render<CountriesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")));
        var france = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("France", StringComparison.Ordinal));
        Assert.Contains("President (head of state)", france.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/countries/fr", france.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_from_a_page_without_stances_keep_the_moment_and_the_methodology_of_the_url()
    {
        NavigateTo("/countries?asOf=2024-04-30&method=1.0");
        var page = Render<CountriesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")));
        var france = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("France", StringComparison.Ordinal));
        Assert.EndsWith("/countries/fr?asOf=2024-04-30&method=1.0", france.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void France_takes_its_stance_from_Macron()
    {
        Render<MudPopoverProvider>();
        NavigateTo("/countries/fr?asOf=2024-04-30");
        var page = Render<CountryPage>(p => p.Add(x => x.Code, "fr"));

        page.WaitForAssertion(() => Assert.Equal("France", page.Find("h1").TextContent));
        var troops = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Should Western troops be deployed to Ukraine?", StringComparison.Ordinal));
        Assert.Contains("Leans support", troops.TextContent, StringComparison.Ordinal);
        Assert.Contains(troops.QuerySelectorAll("a"), a => a.TextContent == "Emmanuel Macron");
        Assert.Contains("head of state", troops.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("fallback", troops.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "NATO");
    }

    [Fact]
    public void Unknown_country_shows_not_found_with_a_way_back()
    {
        var page = Render<CountryPage>(p => p.Add(x => x.Code, "zz"));

        page.WaitForAssertion(() => Assert.Contains("No country 'zz'", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Browse all countries");
    }

    [Fact]
    public void Nato_before_Swedens_accession_leaves_Sweden_out()
    {
        Render<MudPopoverProvider>();
        NavigateTo("/blocs/nato?asOf=2024-02-26");
        var page = Render<BlocPage>(p => p.Add(x => x.Slug, "nato"));

        page.WaitForAssertion(() => Assert.Equal("NATO", page.Find("h1").TextContent));
        var members = page.Find("table.members, .members table").TextContent;
        Assert.Contains("Finland", members, StringComparison.Ordinal);
        Assert.DoesNotContain("Sweden", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Nato_after_Swedens_accession_includes_Sweden_with_its_joining_date()
    {
        Render<MudPopoverProvider>();
        NavigateTo("/blocs/nato?asOf=2024-04-30");
        var page = Render<BlocPage>(p => p.Add(x => x.Slug, "nato"));

        page.WaitForAssertion(() => Assert.Equal("NATO", page.Find("h1").TextContent));
        var sweden = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Sweden", StringComparison.Ordinal));
        Assert.Contains("7 Mar 2024", sweden.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Bloc_cohesion_spells_out_its_arithmetic_and_who_has_no_record()
    {
        Render<MudPopoverProvider>();
        NavigateTo("/blocs/nato?asOf=2024-04-30");
        var page = Render<BlocPage>(p => p.Add(x => x.Slug, "nato"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".cohesion")));
        var troops = page.FindAll(".cohesion").Single(c => c.TextContent.Contains("Should Western troops be deployed to Ukraine?", StringComparison.Ordinal));
        Assert.Matches(@"1\.5 × largest camp \d+ / members placed \d+ − 0\.5 = \d\.\d\d", troops.TextContent);
        Assert.Matches(@"S \d+ · O \d+ · M \d+", troops.TextContent);
        Assert.Contains("left out", troops.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Bloc_cohesion_is_na_when_no_member_has_a_stance()
    {
        Render<MudPopoverProvider>();
        NavigateTo("/blocs/eu?asOf=2020-01-01");
        var page = Render<BlocPage>(p => p.Add(x => x.Slug, "eu"));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".cohesion")));
        Assert.All(page.FindAll(".cohesion .index"), index => Assert.Equal("n/a", index.TextContent));
    }

    [Fact]
    public void Bloc_list_counts_members_on_the_date()
    {
        NavigateTo("/blocs?asOf=2024-02-26");
        var page = Render<BlocsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")));
        var nato = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("NATO", StringComparison.Ordinal));
        Assert.Equal("6", nato.QuerySelector("td.number")!.TextContent);
    }

    [Fact]
    public void Unknown_bloc_shows_not_found_with_a_way_back()
    {
        var page = Render<BlocPage>(p => p.Add(x => x.Slug, "no-such-bloc"));

        page.WaitForAssertion(() => Assert.Contains("No bloc 'no-such-bloc'", page.Markup, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("a"), a => a.TextContent == "Browse all blocs");
    }

    /// <summary>Query parameters reach a page through the address, as in the app.</summary>
    private void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
}
