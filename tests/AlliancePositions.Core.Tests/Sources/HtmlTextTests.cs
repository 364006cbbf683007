using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Tests.Sources;

public class HtmlTextTests
{
    [Fact]
    public void Paragraphs_become_blank_line_separated_text_and_the_title_is_kept()
    {
        var reduced = HtmlText.Reduce("""
            <html><head><title> Macron   on troops </title><style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a></nav>
            <h1>Macron on troops</h1>
            <p>Macron said he would not rule out <em>sending</em>
               troops.</p><p>Scholz disagreed.<br>Firmly.</p>
            <script>alert(1)</script></body></html>
            """);

        Assert.Equal("Macron on troops", reduced.Title);
        Assert.Equal("Macron on troops\n\nMacron said he would not rule out sending troops.\n\nScholz disagreed.\nFirmly.", reduced.Text);
    }

    [Fact]
    public void The_article_element_is_the_text_when_the_page_marks_one()
    {
        var reduced = HtmlText.Reduce("<body><header>Site menu</header><article><p>The story.</p></article><footer>Cookies</footer></body>");

        Assert.Equal("The story.", reduced.Text);
        Assert.Null(reduced.Title);
    }

    [Fact]
    public void Markup_inside_text_stays_text_and_entities_are_decoded()
    {
        var reduced = HtmlText.Reduce("<p>Tom &amp; Jerry &lt;script&gt; &quot;quoted&quot;&nbsp;here</p>");

        Assert.Equal("Tom & Jerry <script> \"quoted\" here", reduced.Text);
    }
}
