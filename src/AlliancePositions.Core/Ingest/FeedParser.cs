using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace AlliancePositions.Core.Ingest;

/// <summary>An item of a feed: its stable key (guid or id, else the link), the article's address, title and date.</summary>
public sealed record FeedEntry(string Key, Uri Link, string? Title, DateOnly? PublishedOn);

public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Entries);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.Xml.Linq (both are small; no DTDs are processed, so an entity cannot expand
/// or reach a file). Items without an http(s) link are skipped.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed, or null when the bytes are not RSS or Atom.</summary>
    public static ParsedFeed? Parse(byte[] body, Uri address)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var root = document.Root;
        if (root is { Name.LocalName: "rss" } && root.Element("channel") is { } channel)
            return new ParsedFeed(Text(channel.Element("title")), channel.Elements("item").Select(item => Rss(item, address)).OfType<FeedEntry>().ToList());
        if (root is not null && root.Name == Atom + "feed")
            return new ParsedFeed(Text(root.Element(Atom + "title")), root.Elements(Atom + "entry").Select(entry => AtomEntry(entry, address)).OfType<FeedEntry>().ToList());
        return null;
    }

    private static FeedEntry? Rss(XElement item, Uri address)
    {
        if (Link(Text(item.Element("link")), address) is not { } link) return null;
        var key = Text(item.Element("guid")) ?? link.ToString();
        return new FeedEntry(key, link, Text(item.Element("title")), Date(Text(item.Element("pubDate"))));
    }

    private static FeedEntry? AtomEntry(XElement entry, Uri address)
    {
        var href = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        if (Link(href, address) is not { } link) return null;
        var key = Text(entry.Element(Atom + "id")) ?? link.ToString();
        return new FeedEntry(key, link, Text(entry.Element(Atom + "title")),
            Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))));
    }

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static Uri? Link(string? href, Uri address) =>
        href is not null && Uri.TryCreate(address, href, out var link) && link.Scheme is "http" or "https" ? link : null;

    /// <summary>RFC 822 (RSS) or RFC 3339 (Atom); the calendar date in the feed's own time zone.</summary>
    private static DateOnly? Date(string? value) =>
        value is not null && DateTimeOffset.TryParse(value.Replace("GMT", "+00:00", StringComparison.Ordinal), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var stamp)
            ? DateOnly.FromDateTime(stamp.DateTime)
            : null;
}
