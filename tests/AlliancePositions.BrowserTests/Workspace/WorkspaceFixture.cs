using AlliancePositions.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AlliancePositions.BrowserTests.Workspace;

/// <summary>
/// A server and browser of their own for the analyst journeys: they add documents, actors and statements, which
/// must not leak into the other browser tests' view of the seed.
/// </summary>
public sealed class WorkspaceFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public ValueTask InitializeAsync() => Browser.InitializeAsync();

    public ValueTask DisposeAsync() => Browser.DisposeAsync();

    public const string Password = "Correct-Horse-42-battery";

    /// <summary>A new user in <paramref name="role"/>, created as an Admin would, through Identity.</summary>
    public async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role);
        return email;
    }

    /// <summary>Opens the app, signs in through the sign-in page, and waits until the page is interactive again.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var page = await Browser.OpenAsync("/");
        await FollowToSignInAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Follows a "Sign in" link and waits for the sign-in page's load: it is a plain form outside the circuit, which the
    /// browser loads as a new document, and typing before that load would type into the page being left.
    /// </summary>
    public static async Task FollowToSignInAsync(IPage page, Func<Task> follow)
    {
        await page.RunAndWaitForResponseAsync(follow, r => r.Request.ResourceType == "document" && new Uri(r.Url).AbsolutePath == "/account/login");
        // Asks the page itself rather than waiting for the browser's "load" event: once in CI under load that event was
        // never reported for the new document (the network idle, the wait timed out after 30 s), though the page had loaded.
        await page.WaitForFunctionAsync(
            "() => location.pathname === '/account/login' && document.readyState === 'complete'",
            null, new() { PollingInterval = 100, Timeout = 30_000 });
    }

    public async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(Browser.App.BaseUrl + path);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>
    /// Selects <paramref name="sentence"/> in the reader the way a person does: presses the mouse before its first
    /// character, drags, and releases after its last. Only the character positions are measured in the page.
    /// </summary>
    public static async Task SelectWithMouseAsync(IPage page, string sentence)
    {
        // The reader's text arrives after the page turns interactive when the database answers asynchronously (PostgreSQL).
        await page.Locator(".annotated-text").WaitForAsync();
        // An analyst's reader then marks the pending suggestions in the text: its runs are drawn again, and a drag
        // across them while that happens ends on a stale node (seen once in CI under load: half a sentence selected).
        // The suggestions are worked out when a document is first read, which takes seconds on a cold server.
        await Assertions.Expect(page.GetByLabel("Loading suggestions")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var box = await page.EvaluateAsync<double[]>("""
            sentence => {
                const text = document.querySelector('.annotated-text');
                const at = text.textContent.indexOf(sentence);
                const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                const point = (offset) => {
                    let seen = 0;
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        if (offset < seen + node.data.length) return [node, offset - seen];
                        seen += node.data.length;
                    }
                };
                const rect = (offset) => {
                    walker.currentNode = text;
                    const [node, index] = point(offset);
                    const range = document.createRange();
                    range.setStart(node, index);
                    range.setEnd(node, index + 1);
                    return range.getBoundingClientRect();
                };
                const first = rect(at), last = rect(at + sentence.length - 1);
                return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
            }
            """, sentence);
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
