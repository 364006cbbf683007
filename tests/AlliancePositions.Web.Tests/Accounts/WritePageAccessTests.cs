using System.Net;

namespace AlliancePositions.Web.Tests.Accounts;

/// <summary>
/// Every role against every write page, signed in with the cookie as a person is: the anonymous are sent to sign in,
/// a role without the right is sent to "not allowed", and only Analysts (pages for writing) or Admins (admin pages) get in.
/// </summary>
public class WritePageAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string?, string, string> Table()
    {
        var table = new TheoryData<string?, string, string>();
        string[] analystPages = ["/documents/new", "/review"];
        string[] adminPages = ["/admin/users", "/admin/audit", "/admin/deleted"];
        foreach (var page in analystPages.Concat(adminPages))
        {
            var forAnalysts = analystPages.Contains(page);
            table.Add(null, page, "sign in");
            table.Add("Viewer", page, "denied");
            table.Add("Analyst", page, forAnalysts ? "ok" : "denied");
            table.Add("Admin", page, "ok");
        }
        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_gets_only_the_write_pages_it_may_use(string? role, string page, string expected)
    {
        using var client = await app.CreateBrowserClientAsync(role, TestContext.Current.CancellationToken);

        var response = await client.GetAsync(page, TestContext.Current.CancellationToken);

        switch (expected)
        {
            case "ok":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case "sign in":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
                Assert.Contains(Uri.EscapeDataString(page), response.Headers.Location.Query, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
                break;
        }
    }

    [Fact]
    public async Task The_not_allowed_page_explains_itself()
    {
        using var viewer = await app.CreateBrowserClientAsync("Viewer", TestContext.Current.CancellationToken);

        var page = await viewer.GetStringAsync("/account/denied", TestContext.Current.CancellationToken);

        Assert.Contains("Not allowed", page, StringComparison.Ordinal);
    }
}
