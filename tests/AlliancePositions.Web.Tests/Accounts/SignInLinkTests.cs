using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Tests.Accounts;

public class SignInLinkTests
{
    [Theory]
    [InlineData("http://app.test/", "/account/login?returnUrl=%2F")]
    [InlineData("http://app.test/statements?topic=troops&q=a%20b", "/account/login?returnUrl=%2Fstatements%3Ftopic%3Dtroops%26q%3Da%2520b")]
    [InlineData("http://app.test/account/login?returnUrl=%2Factors", "/account/login?returnUrl=%2Factors")]
    public void Sign_in_leads_back_to_the_page_the_reader_is_on(string here, string expected) =>
        Assert.Equal(expected, SignInLink.From(new At(here)));

    private sealed class At : NavigationManager
    {
        public At(string uri) => Initialize("http://app.test/", uri);
    }
}
