using AlliancePositions.Core.Data;
using AlliancePositions.Web.Review;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Review;

public class ReviewPageTests : SeededComponentTest
{
    public ReviewPageTests()
    {
        this.AddAppAuthorization().SignInAs("Analyst");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void The_seed_disagreements_are_listed_with_each_coders_position()
    {
        var page = Render<ReviewPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".disputed-table tbody tr").Count));
        var codings = page.FindAll(".disputed-table td.codings").Select(td => td.TextContent).ToList();
        Assert.Contains(codings, c => c.Contains("Second reader: +1", StringComparison.Ordinal) && c.Contains("Seed analyst: +2", StringComparison.Ordinal)
            || c.Contains("Second reader: +2", StringComparison.Ordinal) && c.Contains("Seed analyst: +1", StringComparison.Ordinal));
        Assert.Contains(codings, c => c.Contains(": -1", StringComparison.Ordinal) && c.Contains(": -2", StringComparison.Ordinal));
    }

    [Fact]
    public void Alpha_is_shown_per_question_with_its_pairable_statements()
    {
        var page = Render<ReviewPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".agreement-table tbody tr")));
        foreach (var row in page.FindAll(".agreement-table tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Matches(@"^(-?\d\.\d{3}|n/a)$", cells[1]);
            Assert.Matches(@"^(-?\d\.\d{3}|n/a)$", cells[2]);
            Assert.True(int.Parse(cells[3]) >= 1);
        }
    }
}

/// <summary>An empty database: nothing coded twice.</summary>
public class ReviewPageEmptyTests : SeededComponentTest
{
    public ReviewPageEmptyTests()
    {
        this.AddAppAuthorization().SignInAs("Analyst");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async ValueTask InitializeAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void With_nothing_coded_twice_the_page_says_what_to_do()
    {
        var page = Render<ReviewPage>();

        page.WaitForAssertion(() => Assert.Contains("No statement has been coded by two analysts yet", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Nothing to settle", page.Markup, StringComparison.Ordinal);
    }
}
