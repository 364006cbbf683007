using AlliancePositions.Web.Questions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Questions;

/// <summary>
/// The matrix as an ARIA grid with one tab stop, and the evidence announced. The arrow keys' movement runs in the
/// browser (AgreementHeatMap.razor.js) and is driven in the browser tests.
/// </summary>
public class AgreementGridTests : SeededComponentTest
{
    public AgreementGridTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private IRenderedComponent<QuestionPage> RenderQuestion(string? pair = null)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters("/questions/troop-deployment",
            new Dictionary<string, object?> { ["asOf"] = "2024-04-30", ["pair"] = pair, ["actors"] = "emmanuel-macron,olaf-scholz" }));
        var page = Render<QuestionPage>(p => p.Add(c => c.Slug, "troop-deployment"));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button.cell")));
        return page;
    }

    [Fact]
    public void The_matrix_is_a_grid_with_one_tab_stop_on_its_first_cell()
    {
        var page = RenderQuestion();

        Assert.Equal("grid", page.Find("table.heatmap").GetAttribute("role"));
        Assert.All(page.FindAll("table.heatmap tr"), row => Assert.Equal("row", row.GetAttribute("role")));
        var cells = page.FindAll("button.cell");
        var stop = Assert.Single(cells, c => c.GetAttribute("tabindex") == "0");
        Assert.Equal(("0", "1"), (stop.GetAttribute("data-row"), stop.GetAttribute("data-col")));
        Assert.All(cells.Where(c => c != stop), c => Assert.Equal("-1", c.GetAttribute("tabindex")));
    }

    [Fact]
    public void The_selected_pairs_cell_is_the_tab_stop_and_its_evidence_is_announced()
    {
        var page = RenderQuestion(pair: "olaf-scholz,emmanuel-macron");

        page.WaitForAssertion(() => Assert.Contains("Evidence shown beside the matrix: Olaf Scholz and Emmanuel Macron", page.Find("[role=status][aria-live=polite]").TextContent, StringComparison.Ordinal));
        var stop = Assert.Single(page.FindAll("button.cell"), c => c.GetAttribute("tabindex") == "0");
        Assert.Contains(": Olaf Scholz and Emmanuel Macron, on ", stop.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_pair_the_live_region_waits_silently()
    {
        var page = RenderQuestion();

        Assert.Equal("", page.Find(".evidence-status[aria-live=polite]").TextContent.Trim());
    }
}
