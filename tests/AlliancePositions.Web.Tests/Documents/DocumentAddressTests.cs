using AlliancePositions.Core.Sources;
using AlliancePositions.Web.Documents;
using Bunit;

namespace AlliancePositions.Web.Tests.Documents;

public class DocumentAddressTests : AppComponentTest
{
    private static DocumentDetail Document(string url) => new("0123456789ab", "A report", null, url, null, null, null, [], SourceGrade.F, null,
        "Text.", new string('0', 64), [], [], 1);

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void An_address_that_is_not_a_web_address_is_shown_as_text_not_a_link(string url)
    {
        var metadata = Render<DocumentMetadata>(p => p.Add(m => m.Document, Document(url)));

        Assert.Empty(metadata.FindAll("a"));
        Assert.Contains(metadata.FindAll("dd span"), span => span.TextContent == url);
    }

    [Fact]
    public void A_web_address_is_a_link()
    {
        var metadata = Render<DocumentMetadata>(p => p.Add(m => m.Document, Document("https://example.org/report")));

        Assert.Equal("https://example.org/report", metadata.Find("a").GetAttribute("href"));
    }
}
