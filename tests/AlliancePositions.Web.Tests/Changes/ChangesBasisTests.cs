using AlliancePositions.Web.Changes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlliancePositions.Web.Tests.Changes;

public class ChangesBasisTests : SeededComponentTest
{
    public ChangesBasisTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void The_changes_page_says_it_filters_by_publication_and_statement_dates_not_by_when_they_were_added()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/changes?since=2024-03-01");
        Render<MudPopoverProvider>();
        var page = Render<ChangesPage>();

        var basis = page.Find(".changes-basis").TextContent;
        Assert.Contains("documents by their publication date, statements by the date they were made", basis, StringComparison.Ordinal);
        Assert.Contains("not by when they were added here", basis, StringComparison.Ordinal);
    }
}
