using AlliancePositions.Core.Accounts;
using AlliancePositions.Core.Data;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Admin;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Admin;

public class UsersPageTests : SeededComponentTest
{
    public UsersPageTests()
    {
        this.AddAppAuthorization().SignInAs("Admin");
        Services.AddIdentityCore<AppUser>(options => options.Password.RequiredLength = 12).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        Services.AddSingleton<UserDirectory>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All) await roles.CreateAsync(new IdentityRole(role));
    }

    [Fact]
    public void With_no_users_the_list_is_empty_and_the_add_form_is_there()
    {
        var page = Render<UsersPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".users-table")));
        Assert.Empty(page.FindAll(".users-table tbody tr"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Add user");
    }

    [Fact]
    public void Adding_a_user_without_email_or_with_a_short_password_says_why_next_to_the_field()
    {
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".users-table")));

        Click(page, "Add user");
        page.WaitForAssertion(() => Assert.Contains("Enter the new user's email address.", page.Markup, StringComparison.Ordinal));

        page.ChangeWhenReady(".add-user input[type=email]", "new@example.org");
        page.ChangeWhenReady(".add-user input[type=password]", "short");
        Click(page, "Add user");
        page.WaitForAssertion(() => Assert.Contains("Passwords must be at least 12 characters.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".users-table tbody tr"));
    }

    [Fact]
    public void An_added_user_is_listed_with_the_chosen_role()
    {
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".users-table")));

        page.ChangeWhenReady(".add-user input[type=email]", "new@example.org");
        page.ChangeWhenReady(".add-user input[type=password]", AppFactory.TestPassword);
        Click(page, "Add user");

        page.WaitForAssertion(() => Assert.Contains("Added new@example.org as Viewer.", page.Markup, StringComparison.Ordinal));
        var row = Assert.Single(page.FindAll(".users-table tbody tr"));
        Assert.Contains("new@example.org", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Viewer", row.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_a_role_replaces_the_old_one_but_never_removes_the_last_admin()
    {
        var directory = Services.GetRequiredService<UserDirectory>();
        Assert.True((await directory.CreateAsync("boss@example.org", AppFactory.TestPassword, Roles.Admin, "test")).Succeeded);
        Assert.True((await directory.CreateAsync("ana@example.org", AppFactory.TestPassword, Roles.Viewer, "test")).Succeeded);
        var users = await directory.ListAsync();

        Assert.Null(await directory.SetRoleAsync(users.Single(u => u.Email == "ana@example.org").Id, Roles.Analyst, "test"));
        var lastAdmin = await directory.SetRoleAsync(users.Single(u => u.Email == "boss@example.org").Id, Roles.Viewer, "test");

        Assert.Equal("This is the only Admin: make someone else an Admin first.", lastAdmin);
        Assert.Equal([("ana@example.org", "Analyst"), ("boss@example.org", "Admin")], (await directory.ListAsync()).Select(u => (u.Email, u.Role)));
    }

    [Fact]
    public async Task Disabling_a_user_on_the_page_renews_their_stamp_but_the_last_admin_cannot_be_disabled()
    {
        var directory = Services.GetRequiredService<UserDirectory>();
        Assert.True((await directory.CreateAsync("boss@example.org", AppFactory.TestPassword, Roles.Admin, "test")).Succeeded);
        Assert.True((await directory.CreateAsync("ana@example.org", AppFactory.TestPassword, Roles.Analyst, "test")).Succeeded);
        var stampBefore = await StampAsync("ana@example.org");
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".users-table tbody tr").Count));

        page.ChangeWhenReady(() => page.FindAll(".users-table tbody tr").Single(r => r.TextContent.Contains("ana@example.org", StringComparison.Ordinal))
            .QuerySelector("input[type=checkbox]")!, true);

        // The message, not the checkbox's label (which says "is disabled" from the start): the save has finished.
        page.WaitForAssertion(() => Assert.Contains("ana@example.org is disabled: their sign-ins stop working now.", page.Markup, StringComparison.Ordinal));
        Assert.True((await directory.ListAsync()).Single(u => u.Email == "ana@example.org").Disabled);
        Assert.NotEqual(stampBefore, await StampAsync("ana@example.org"));
        var boss = (await directory.ListAsync()).Single(u => u.Email == "boss@example.org");
        var lastAdmin = await directory.UpdateAsync(boss.Id, Roles.Admin, disabled: true, "test");
        Assert.Equal(["This is the only Admin: make someone else an Admin first."], lastAdmin.Errors!["disabled"]);
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.SecurityStamp;
    }

    private static void Click(IRenderedComponent<UsersPage> page, string text) =>
        page.ClickWhenReady(() => page.FindAll("button").First(b => b.TextContent.Trim() == text));
}
