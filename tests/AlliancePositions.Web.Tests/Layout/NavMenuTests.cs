using AlliancePositions.Web.Components.Layout;
using Bunit;

namespace AlliancePositions.Web.Tests.Layout;

public class NavMenuTests : AppComponentTest
{
    [Fact]
    public void The_navigation_links_the_API_reference_in_a_new_tab()
    {
        var menu = Render<NavMenu>();
        var api = menu.FindAll("a").Single(a => a.TextContent.Trim() == "API");
        Assert.Equal(("/scalar", "_blank"), (api.GetAttribute("href"), api.GetAttribute("target")));
    }
}
