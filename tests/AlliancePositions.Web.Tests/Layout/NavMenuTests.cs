using AlliancePositions.Web.Components.Layout;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;

namespace AlliancePositions.Web.Tests.Layout;

public class NavMenuTests : AppComponentTest
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext auth;

    public NavMenuTests() => auth = this.AddAppAuthorization();

    [Fact]
    public void The_navigation_links_the_API_reference_in_a_new_tab()
    {
        var menu = Render<NavMenu>();
        var api = menu.FindAll("a").Single(a => a.TextContent.Trim() == "API");
        Assert.Equal(("/scalar", "_blank"), (api.GetAttribute("href"), api.GetAttribute("target")));
    }

    [Fact]
    public void Analyst_and_admin_links_show_only_to_those_roles()
    {
        Assert.DoesNotContain(Render<NavMenu>().FindAll("a"), a => a.GetAttribute("href") == "/documents/new");

        auth.SignInAs("Analyst");
        var links = Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/documents/new", links);
        Assert.DoesNotContain("/admin/users", links);
    }
}
