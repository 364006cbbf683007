using System.Xml.Linq;
using AlliancePositions.Core.Exports;

namespace AlliancePositions.Core.Tests.Exports;

public class XmlSafeTests
{
    [Theory]
    [InlineData("Emmanuel\u0001 Macron", "Emmanuel\uFFFD Macron")]
    [InlineData("bell\u0007 and escape\u001B", "bell\uFFFD and escape\uFFFD")]
    [InlineData("not a character \uFFFE", "not a character \uFFFD")]
    [InlineData("tab\tline\nreturn\r", "tab\tline\nreturn\r")]
    [InlineData("Zoë 😀 €", "Zoë 😀 €")]
    public void Text_replaces_what_xml_cannot_hold_and_keeps_the_rest(string stored, string expected)
    {
        Assert.Equal(expected, XmlSafe.Text(stored));
        XDocument.Parse($"<t>{System.Security.SecurityElement.Escape(XmlSafe.Text(stored))}</t>");
    }

    [Fact]
    public void Text_replaces_a_lone_surrogate_and_keeps_a_pair()
    {
        var stored = "lone " + (char)0xD83D + " then " + (char)0xDE00 + " pair 😀";
        Assert.Equal("lone \uFFFD then \uFFFD pair 😀", XmlSafe.Text(stored));
    }

    [Fact]
    public void Markup_replaces_references_to_forbidden_characters_an_html_encoder_writes()
    {
        var rendered = "<svg><text>A&#x1;B&#1;C&#x1F600;D&#233;&amp;\u0002</text></svg>";

        var safe = XmlSafe.Markup(rendered);

        Assert.Equal("<svg><text>A\uFFFDB\uFFFDC&#x1F600;D&#233;&amp;\uFFFD</text></svg>", safe);
        XDocument.Parse(safe);
    }
}
