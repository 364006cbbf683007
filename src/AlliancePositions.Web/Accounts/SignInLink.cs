using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Accounts;

/// <summary>Where a "Sign in" link leads, and how it must be followed.</summary>
public static class SignInLink
{
    /// <summary>
    /// The link's target. The sign-in page is a plain form outside the circuit, and the interactive router takes over
    /// every link that opens in the same window: it first moves the address to the sign-in page itself, then finds the
    /// page is not its own and has the browser load it, a second navigation that loses what was typed in between and
    /// leaves the sign-in page twice in the history. A link with a target of its own is left to the browser, and
    /// <c>_top</c> is the same window for a page that is not in a frame.
    /// </summary>
    public const string Target = "_top";

    /// <summary>The sign-in page, which brings the reader back to the page they are on once signed in.</summary>
    public static string From(NavigationManager navigation)
    {
        var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        // On the sign-in page itself the link is that page, with the address it will return to.
        return here.StartsWith("/account/login", StringComparison.Ordinal) ? here : $"/account/login?returnUrl={Uri.EscapeDataString(here)}";
    }
}
