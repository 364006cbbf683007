using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Sources;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AlliancePositions.Core.Ingest;

/// <summary>What a web page says about its article: title, main text, publication date, language, canonical address.</summary>
public sealed record Article(string? Title, string Text, DateOnly? PublishedOn, string? Language, string? CanonicalUrl);

/// <summary>
/// Finds the article in a web page, parsed with AngleSharp: the site's chrome goes (navigation, header, footer,
/// asides, cookie and consent banners, share bars, related links), the article is the page's <c>&lt;article&gt;</c>
/// (the one with most text), else <c>&lt;main&gt;</c>, else the element holding most paragraph text; the text is
/// rendered as <see cref="HtmlText"/> renders an upload. Metadata comes from the page's own markup: Open Graph and
/// <c>article:published_time</c>, JSON-LD <c>headline</c>/<c>datePublished</c>, <c>&lt;time datetime&gt;</c>,
/// <c>&lt;html lang&gt;</c> and <c>&lt;link rel="canonical"&gt;</c>.
/// </summary>
public static partial class ArticleExtractor
{
    private const string Chrome = "header, footer, nav, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-modal=true], dialog";

    public static Article Extract(string html, Uri? address)
    {
        var document = new HtmlParser().ParseDocument(html);
        var jsonLd = JsonLd(document).ToList();
        var title = FirstText(
            Meta(document, "property", "og:title"),
            jsonLd.Select(o => Property(o, "headline")).FirstOrDefault(v => v is not null),
            document.QuerySelector("article h1, main h1, h1")?.TextContent,
            document.Title);
        var published = FirstDate(
            Meta(document, "property", "article:published_time"),
            jsonLd.Select(o => Property(o, "datePublished")).FirstOrDefault(v => v is not null),
            Meta(document, "itemprop", "datePublished"),
            (document.QuerySelector("article time[datetime], main time[datetime], time[datetime]"))?.GetAttribute("datetime"),
            Meta(document, "name", "date"));
        var language = document.DocumentElement.GetAttribute("lang") is { Length: > 0 } lang ? lang.Trim()
            : Meta(document, "http-equiv", "content-language");
        var canonical = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), address)
            ?? Absolute(Meta(document, "property", "og:url"), address);

        HtmlText.RemoveNonText(document);
        foreach (var element in document.QuerySelectorAll(Chrome).ToList()) element.Remove();
        foreach (var element in document.QuerySelectorAll("[id], [class]").Where(IsBoilerplate).ToList()) element.Remove();
        var root = MainElement(document);
        var text = root is null ? "" : HtmlText.TextOf(root);
        return new Article(title, text, published, string.IsNullOrWhiteSpace(language) ? null : language, canonical);
    }

    /// <summary>The article element with most text, else main, else the element whose own paragraphs hold most text.</summary>
    private static IElement? MainElement(IDocument document)
    {
        var articles = document.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (articles.Count > 0) return articles.MaxBy(a => a.TextContent.Length);
        if (document.QuerySelector("main, [role=main]") is { } main) return main;
        var byParagraphs = document.QuerySelectorAll("p").GroupBy(p => p.ParentElement!)
            .Select(g => (Element: g.Key, Length: g.Sum(p => p.TextContent.Length))).OrderByDescending(g => g.Length).FirstOrDefault();
        return byParagraphs.Element ?? document.Body;
    }

    /// <summary>Cookie and consent banners, share bars, newsletters, related links: by the names sites give them.</summary>
    private static bool IsBoilerplate(IElement element)
    {
        if (element.LocalName is "body" or "html" or "article" or "main") return false;
        var names = $"{element.Id} {element.ClassName}";
        return Boilerplate().IsMatch(names) && element.QuerySelector("article, main") is null;
    }

    [GeneratedRegex(@"(^|[\s_-])(cookie|cookies|consent|gdpr|banner|newsletter|subscribe|share|sharing|social|related|breadcrumbs?|advert|ads|promo|popup|modal|sidebar|comments?)([\s_-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    private static string? Meta(IDocument document, string attribute, string name) =>
        document.QuerySelectorAll($"meta[{attribute}]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute(attribute), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content") is { Length: > 0 } content ? content.Trim() : null;

    private static IEnumerable<JsonElement> JsonLd(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            JsonElement root;
            try { root = JsonDocument.Parse(script.TextContent).RootElement; }
            catch (JsonException) { continue; }
            foreach (var item in Flatten(root)) yield return item;
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) foreach (var inner in Flatten(item)) yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph)) foreach (var inner in Flatten(graph)) yield return inner;
        }
    }

    private static string? Property(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstText(params string?[] candidates) =>
        candidates.Select(c => c is null ? "" : HtmlText.OneLine(c)).FirstOrDefault(c => c.Length > 0);

    /// <summary>The first candidate that reads as a date; the calendar date as the page states it, in its own time zone.</summary>
    private static DateOnly? FirstDate(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrWhiteSpace(candidate)) continue;
            var value = candidate.Trim();
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
                && Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}"))
                return DateOnly.FromDateTime(stamp.DateTime);
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        }
        return null;
    }

    private static string? Absolute(string? href, Uri? address)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        return address is not null && Uri.TryCreate(address, href.Trim(), out var resolved) ? resolved.ToString() : null;
    }
}
