using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AlliancePositions.Web.Tests.Ingest;

public class FetchTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static readonly string[] Paragraphs =
    [
        "The chancellor said on Monday that no German soldiers would be sent to Ukraine.",
        "He repeated that position after a meeting of European leaders in Paris.",
    ];

    [Fact]
    public async Task A_fetched_page_is_stored_as_its_article_text_without_the_site_chrome_with_title_date_language_and_canonical_address()
    {
        var path = $"/news/{Guid.NewGuid():N}.html";
        fixture.Site.Html(path, ArticlePages.WithChrome("No troops, says the chancellor", Paragraphs, published: "2024-02-26T18:30:00+01:00", lang: "de",
            canonical: fixture.Site.Url(path)));
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await JsonAsync(response);
        Assert.Equal("added", stored.GetProperty("outcome").GetString());
        var document = await JsonAsync(await client.GetAsync($"/api/documents/{stored.GetProperty("key").GetString()}", Ct));
        var text = document.GetProperty("text").GetString()!;
        Assert.Contains(Paragraphs[0], text);
        Assert.Contains(Paragraphs[1], text);
        foreach (var chrome in new[] { ArticlePages.Chrome, "cookies", "Home World Politics", "Opinion", "Most read", "newsletter", "Share on social", "tracking", "font-family" })
            Assert.DoesNotContain(chrome, text);
        Assert.Equal("No troops, says the chancellor", document.GetProperty("title").GetString());
        Assert.Equal("2024-02-26", document.GetProperty("publishedOn").GetString());
        Assert.Equal("de", document.GetProperty("language").GetString());
        Assert.Equal(fixture.Site.Url(path), document.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_page_dated_only_by_its_time_element_gets_that_date()
    {
        var path = $"/news/{Guid.NewGuid():N}.html";
        fixture.Site.Html(path, ArticlePages.WithChrome("Ministers meet", [$"Defence ministers met in Brussels ({Guid.NewGuid():N})."],
            timeElement: "<time datetime=\"2024-03-14\">14 March</time>"));
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var stored = await JsonAsync(await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct));

        Assert.Equal("2024-03-14", stored.GetProperty("publishedOn").GetString());
        Assert.Equal("Ministers meet", stored.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task An_address_on_this_machine_that_is_not_allowed_is_refused_with_a_400_and_no_connection_is_made(string host)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url = $"http://{host}:{port}/admin" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Contains("loopback", problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.False(listener.Pending(), "The refused address was connected to.");
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_site_to_a_refused_address_is_refused_and_not_followed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var path = $"/go/{Guid.NewGuid():N}";
        fixture.Site.Redirect(path, $"http://127.0.0.1:{port}/internal");
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url(path) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not fetched", (await JsonAsync(response)).GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.False(listener.Pending(), "The redirect to a refused address was followed.");
    }

    [Theory]
    [InlineData("file:///etc/passwd", "Only http and https")]
    [InlineData("not an address", "not an absolute address")]
    public async Task An_address_that_is_not_http_is_refused_with_a_400_saying_why(string url, string why)
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(why, (await JsonAsync(response)).GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task A_page_that_answers_404_is_a_400_naming_the_status()
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url("/missing") }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("answered 404", (await JsonAsync(response)).GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task Fetching_needs_an_analyst()
    {
        using var client = await fixture.App.CreateClientAsync("Viewer");

        var response = await client.PostAsJsonAsync("/api/documents/fetch", new { url = fixture.Site.Url("/anything") }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_pdf_is_stored_as_its_extracted_text()
    {
        var sentence = $"The summit communique {Guid.NewGuid():N} welcomes further air defence deliveries.";
        using var client = await fixture.App.CreateClientAsync("Analyst");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf(sentence)), "file", "communique.pdf" } };

        var response = await client.PostAsync("/api/documents/upload", form, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await JsonAsync(response);
        var document = await JsonAsync(await client.GetAsync($"/api/documents/{stored.GetProperty("key").GetString()}", Ct));
        Assert.Contains(sentence, document.GetProperty("text").GetString());
        Assert.Equal("communique", document.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_uploaded_file_that_is_not_a_pdf_but_says_so_is_a_400_on_the_file_field()
    {
        using var client = await fixture.App.CreateClientAsync("Analyst");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("not a pdf"u8.ToArray()), "file", "fake.pdf" } };

        var response = await client.PostAsync("/api/documents/upload", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be read as a PDF", (await JsonAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task An_uploaded_html_file_is_stored_as_its_article_text()
    {
        var paragraph = $"Allies agreed on a new package ({Guid.NewGuid():N}).";
        using var client = await fixture.App.CreateClientAsync("Analyst");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ArticlePages.WithChrome("Package agreed", [paragraph]))), "file", "package.html" },
        };

        var response = await client.PostAsync("/api/documents/upload", form, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await JsonAsync(await client.GetAsync($"/api/documents/{(await JsonAsync(response)).GetProperty("key").GetString()}", Ct));
        Assert.Contains(paragraph, document.GetProperty("text").GetString());
    }

    /// <summary>A one-page PDF with the sentence in Helvetica, built with PdfPig's writer.</summary>
    internal static byte[] Pdf(string sentence)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(sentence, 10, new PdfPoint(40, 750), font);
        return builder.Build();
    }
}
