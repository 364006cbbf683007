using AlliancePositions.Web.Home;
using Bunit;

namespace AlliancePositions.Web.Tests.Home;

public class HomePageTests : AppComponentTest
{
    [Fact]
    public void Home_page_says_what_the_app_is_for()
    {
        var page = Render<HomePage>();
        Assert.Equal("Who in the alliance stands where", page.Find("h1").TextContent);
    }
}
