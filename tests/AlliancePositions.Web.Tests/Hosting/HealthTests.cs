using Microsoft.AspNetCore.Hosting;
namespace AlliancePositions.Web.Tests.Hosting;

public class HealthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Healthz_reports_the_database_healthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Livez_answers_without_the_database()
    {
        using var client = app.CreateClient();
        Assert.Equal("Alive", await client.GetStringAsync("/livez", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unknown_address_gets_a_page_not_an_empty_404()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/no/such/page", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public class StaticAssetTests
{
    [Fact]
    public async Task Styles_and_scripts_are_served_outside_development_as_dotnet_run_starts_the_app()
    {
        await using var app = new AppFactory().WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(_content/MudBlazor/[^\"]+\\.css)\"").Groups[1].Value;

        Assert.NotEmpty(css);
        var response = await client.GetAsync("/" + css, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
