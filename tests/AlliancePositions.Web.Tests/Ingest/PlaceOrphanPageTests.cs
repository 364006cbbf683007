using AlliancePositions.Core.Data;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Web.Ingest;
using AlliancePositions.Web.Tests.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace AlliancePositions.Web.Tests.Ingest;

/// <summary>The page that places an orphaned annotation on the current text, over a slow browser connection.</summary>
public class PlaceOrphanPageTests : SeededComponentTest
{
    private readonly HeldImports imports;

    public PlaceOrphanPageTests()
    {
        imports = new HeldImports(JSInterop.JSRuntime);
        Services.AddSingleton<IJSRuntime>(imports);
        this.AddAppAuthorization().SignInAs("Analyst");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Renders_that_follow_while_the_selection_script_loads_attach_one_listener()
    {
        // An annotation of the seed whose passage a revision removed.
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var annotation = await db.Annotations.OrderBy(a => a.Key).Select(a => a.Key).FirstAsync(TestContext.Current.CancellationToken);
        await db.Annotations.Where(a => a.Key == annotation)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Anchor, AnnotationAnchor.Orphaned), TestContext.Current.CancellationToken);
        var reader = JSInterop.SetupModule("./Documents/DocumentPage.razor.js");
        imports.Hold();

        var page = Render<PlaceOrphanPage>(p => p.Add(x => x.AnnotationKey, annotation));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".annotated-text")));
        page.Render(p => p.Add(x => x.AnnotationKey, annotation));
        page.Render(p => p.Add(x => x.AnnotationKey, annotation));
        imports.Release();

        await JSCalls.WaitForAsync(reader, "watchSelection");
        await JSCalls.SettleAsync(page);
        Assert.Single(reader.Invocations["watchSelection"]);
    }
}
