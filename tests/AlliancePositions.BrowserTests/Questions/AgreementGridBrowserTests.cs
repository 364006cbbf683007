using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Questions;

/// <summary>The agreement matrix from the keyboard: one tab stop, arrows between cells, Enter for the evidence.</summary>
[Collection(BrowserCollection.Name)]
public partial class AgreementGridBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Analyst_tabs_into_the_matrix_moves_with_the_arrows_and_hears_the_evidence_open()
    {
        var page = await browser.OpenAsync("/questions/troop-deployment?asOf=2024-04-30");
        var grid = page.GetByRole(AriaRole.Grid, new() { Name = "Agreement matrix" });
        await Assertions.Expect(grid.Locator("button.cell").First).ToBeVisibleAsync();
        var size = await grid.Locator("tbody tr").CountAsync();
        Assert.True(size >= 3, $"The default matrix shows {size} actors.");

        // Tab reaches one cell, the first; the next Tab leaves the grid.
        await TabUntilFocusedAsync(page, Cell(grid, 0, 1));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal((0, 2), await FocusedCellAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal((1, 2), await FocusedCellAsync(page));
        // An actor's cell with itself is not a cell: the arrow steps over it.
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal((1, 0), await FocusedCellAsync(page));
        await page.Keyboard.PressAsync("End");
        Assert.Equal((1, size - 1), await FocusedCellAsync(page));
        await page.Keyboard.PressAsync("Control+Home");
        Assert.Equal((0, 1), await FocusedCellAsync(page));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal((2, 1), await FocusedCellAsync(page));
        await Assertions.Expect(grid.Locator("button.cell[tabindex='0']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        Assert.Null(await FocusedCellAsync(page));
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal((2, 1), await FocusedCellAsync(page));

        // Enter opens the evidence, and the live region says so.
        // The cell's name starts with its visible numbers, then "<pair>, on N statements"; the announcement names the same pair.
        var label = (await Cell(grid, 2, 1).GetAttributeAsync("aria-label"))!;
        var pair = label[(label.IndexOf(": ", StringComparison.Ordinal) + 2)..label.LastIndexOf(", on ", StringComparison.Ordinal)];
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(PairInUrl());
        await Assertions.Expect(page.Locator("[role=status][aria-live=polite]").Filter(new() { HasText = "Evidence shown beside the matrix" }))
            .ToHaveTextAsync(new Regex($"^Evidence shown beside the matrix: {Regex.Escape(pair)}: .+ on \\d+ statements\\.$"));
    }

    private static ILocator Cell(ILocator grid, int row, int col) => grid.Locator($"button.cell[data-row='{row}'][data-col='{col}']");

    private static async Task<(int, int)?> FocusedCellAsync(IPage page)
    {
        var at = await page.EvaluateAsync<int[]?>("() => { const c = document.activeElement?.closest('button.cell[data-row]'); return c ? [Number(c.dataset.row), Number(c.dataset.col)] : null; }");
        return at is [var row, var col] ? (row, col) : null;
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var presses = 0; presses < 120; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached the element.");
    }

    [GeneratedRegex("pair=")]
    private static partial Regex PairInUrl();
}
