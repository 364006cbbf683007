using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AlliancePositions.Core.Sources;

/// <summary>The readable text of an HTML page, and its title if it has one.</summary>
public sealed record ReadableText(string? Title, string Text);

/// <summary>
/// Reduces an uploaded HTML page to the text a reader sees: scripts, styles and page furniture go, paragraphs and
/// headings become blank-line separated blocks, line breaks stay, runs of whitespace collapse. Analysts annotate this
/// text, so it must read like the article, not like its markup.
/// </summary>
public static partial class HtmlText
{
    // Never text a reader sees: code, styling, embedded media, forms and the site's own navigation around the article.
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "svg", "iframe", "object", "form", "nav", "head", "button"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "address", "hr",
    };

    public static ReadableText Reduce(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        var title = Collapse(document.Title ?? "").Trim();
        RemoveNonText(document);
        // The article's own element when the page marks it; otherwise the whole body.
        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        return new ReadableText(title.Length == 0 ? null : title, root is null ? "" : TextOf(root));
    }

    /// <summary>Removes what is never text a reader sees: scripts, styles, embedded media, forms, navigation.</summary>
    public static void RemoveNonText(AngleSharp.Dom.IDocument document)
    {
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList()) element.Remove();
    }

    /// <summary>The element's text as a reader sees it: blocks separated by blank lines, whitespace collapsed.</summary>
    public static string TextOf(IElement root)
    {
        var text = new StringBuilder();
        Append(root, text);
        var paragraphs = text.ToString().Split('\n').Select(line => line.Trim());
        var joined = string.Join('\n', paragraphs);
        return BlankLines().Replace(joined, "\n\n").Trim('\n');
    }

    /// <summary>Whitespace runs as one space, trimmed: for titles and other one-line values.</summary>
    public static string OneLine(string value) => Collapse(value).Trim();

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(Collapse(t.Data));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    text.Append("\n\n");
                    Append(element, text);
                    text.Append("\n\n");
                    break;
                case IElement element:
                    Append(element, text);
                    break;
            }
        }
    }

    private static string Collapse(string value) => Whitespace().Replace(value, " ");

    [GeneratedRegex(@"[ \t\r\n\f\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
