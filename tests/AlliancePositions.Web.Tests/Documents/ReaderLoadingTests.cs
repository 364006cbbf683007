using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace AlliancePositions.Web.Tests.Documents;

/// <summary>
/// The reader's loads on a slow database: a load that overlaps another must neither replace the shown text (and the
/// browser's listeners on it) nor leave the listeners on a text element that is gone.
/// </summary>
public class ReaderLoadingTests : SeededComponentTest
{
    private const string SeedDocument = "a76fa100f53b";
    private readonly BunitAuthorizationContext auth;
    private readonly HeldDatabaseReads reads = new();
    private readonly HeldImports imports;

    public ReaderLoadingTests()
    {
        // The page's document reads go through a factory the test can hold, as a busy database would.
        Services.AddSingleton(provider => new DocumentQueries(reads.Wrap(provider.GetRequiredService<IDbContextFactory<AppDbContext>>())));
        // The browser's module imports go through a runtime the test can hold, as a real connection's round trip would.
        imports = new HeldImports(JSInterop.JSRuntime);
        Services.AddSingleton<IJSRuntime>(imports);
        auth = this.AddAppAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Parameters_set_again_while_the_document_loads_wait_for_that_load_instead_of_starting_another()
    {
        auth.SignInAs("Analyst");
        reads.Hold();
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.Equal(1, reads.Started));

        // The layout re-renders the page with the same key (as after a change of the signed-in state) mid-load.
        page.Render(p => p.Add(x => x.Key, SeedDocument));

        Assert.Equal(1, reads.Started);
        reads.Release();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("mark.annotation")));
        Assert.Empty(page.FindAll("[aria-label='Loading document']"));
    }

    [Fact]
    public async Task Opening_another_document_in_the_same_page_moves_the_selection_and_key_listeners_to_its_text()
    {
        auth.SignInAs("Analyst");
        var reader = JSInterop.SetupModule("./Documents/DocumentPage.razor.js");
        var other = await Services.GetRequiredService<DocumentService>().CreateAsync(
            new CreateDocumentRequest("Another report", "The minister ruled out sending troops.", PublishedOn: new DateOnly(2024, 3, 1)),
            new Editor("analyst@example.org", null), TestContext.Current.CancellationToken);
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        await JSCalls.WaitForAsync(reader, "watchKeyboard");

        // A database that answers at once would swap the text in place; a real one shows "loading" in between.
        reads.Hold();
        page.Render(p => p.Add(x => x.Key, other.Value!.Key));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".reader-keys")));
        reads.Release();

        page.WaitForAssertion(() => Assert.Contains("ruled out sending troops", page.Find(".reader-keys").TextContent, StringComparison.Ordinal));
        await JSCalls.WaitForAsync(reader, "watchKeyboard", 2);
        var watched = reader.VerifyInvoke("watchSelection", calledTimes: 2);
        Assert.NotEqual(((ElementReference)watched[0].Arguments[0]!).Id, ((ElementReference)watched[1].Arguments[0]!).Id);
    }

    [Fact]
    public async Task Renders_that_follow_while_the_reader_script_loads_attach_its_listeners_once()
    {
        auth.SignInAs("Analyst");
        var reader = JSInterop.SetupModule("./Documents/DocumentPage.razor.js");
        imports.Hold();
        var page = Render<DocumentPage>(p => p.Add(x => x.Key, SeedDocument));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".reader-keys")));

        // The suggestions arriving and the layout re-rendering: more renders of the same text while the import is pending.
        page.Render(p => p.Add(x => x.Key, SeedDocument));
        page.Render(p => p.Add(x => x.Key, SeedDocument));
        imports.Release();

        await JSCalls.WaitForAsync(reader, "watchKeyboard");
        await JSCalls.SettleAsync(page); // any other attachment queued behind it
        Assert.Single(reader.Invocations["watchSelection"]);
        Assert.Single(reader.Invocations["watchKeyboard"]);
    }
}
