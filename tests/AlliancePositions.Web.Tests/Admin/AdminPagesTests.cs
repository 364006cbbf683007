using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Admin;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Web.Tests.Admin;

public class AdminPagesTests : SeededComponentTest
{
    private static readonly Editor Ana = new("ana@example.org", "user-ana");

    public AdminPagesTests()
    {
        this.AddAppAuthorization().SignInAs("Admin");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void An_untouched_corpus_has_an_empty_audit_log_and_nothing_deleted()
    {
        var audit = Render<AuditPage>();
        var deleted = Render<DeletedPage>();

        audit.WaitForAssertion(() => Assert.Contains("Nothing has been changed yet", audit.Markup, StringComparison.Ordinal));
        deleted.WaitForAssertion(() => Assert.Contains("Nothing is deleted", deleted.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_log_shows_who_changed_what_with_old_and_new_values_as_text()
    {
        var key = await DeleteAStatementAsync();

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".audit-table tbody tr")));
        var row = page.Find(".audit-table tbody tr");
        Assert.Contains("ana@example.org", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("delete", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(key, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("DeletedBy", row.QuerySelectorAll("pre.values")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_statement_is_listed_and_restored_with_one_click()
    {
        var key = await DeleteAStatementAsync();
        var page = Render<DeletedPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));

        page.ClickWhenReady(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Restore"));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Restored:", page.Markup, StringComparison.Ordinal);
            Assert.Contains("Nothing is deleted", page.Markup, StringComparison.Ordinal);
        });
        var rows = await Services.GetRequiredService<StatementQueries>().SearchAsync(new StatementFilter(), Ct);
        Assert.Contains(rows.Page.Items, s => s.Key == key);
    }

    private async Task<string> DeleteAStatementAsync()
    {
        var key = (await Services.GetRequiredService<StatementQueries>().SearchAsync(new StatementFilter(), Ct)).Page.Items[0].Key;
        Assert.True((await Services.GetRequiredService<StatementService>().DeleteAsync(key, Ana, Ct)).Succeeded);
        return key;
    }
}
