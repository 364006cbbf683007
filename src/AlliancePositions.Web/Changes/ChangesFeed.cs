using System.Globalization;
using System.Text;
using System.Xml;
using AlliancePositions.Core.Changes;
using AlliancePositions.Core.Exports;
using AlliancePositions.Core.Stances;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlliancePositions.Web.Changes;

/// <summary>
/// The changes page as an Atom 1.0 feed (RFC 4287) at <c>/changes.atom?since=</c>, for analysts who follow the debate
/// in a feed reader: one entry per new document, statement and shift, each linking to its page.
/// </summary>
public static class ChangesFeed
{
    public const string ContentType = "application/atom+xml";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static IEndpointRouteBuilder MapChangesFeed(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").RequireAuthorization(Accounts.Policies.Read).MapGet("/changes.atom", GetFeed).WithSummary("New documents, statements and shifts since a date, as an Atom feed");
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ValidationProblem>> GetFeed(
        string? since, HttpRequest request, ChangeQueries changes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (date, error) = ChangesSinceQuery.Read(since, clock);
        if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = [error] });
        var result = await changes.SinceAsync(date, cancellationToken);
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Content(Write(result, baseUrl, clock.GetUtcNow()), ContentType, Encoding.UTF8);
    }

    /// <summary>The feed document. Entry ids are tag-free URLs of the things themselves, so a reader never shows one twice.</summary>
    public static string Write(ChangesSince changes, string baseUrl, DateTimeOffset now)
    {
        var since = changes.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, $"{baseUrl}/changes?since={since}");
            xml.WriteElementString("title", Atom, $"AlliancePositions: changes since {since}");
            xml.WriteElementString("subtitle", Atom, $"New documents, statements and shifts in stance · methodology {Methodology.Version}");
            xml.WriteElementString("updated", Atom, Timestamp(now));
            Link(xml, "self", $"{baseUrl}/changes.atom?since={since}", ChangesFeed.ContentType);
            Link(xml, "alternate", $"{baseUrl}/changes?since={since}", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "AlliancePositions");
            xml.WriteEndElement();

            foreach (var document in changes.Documents)
                Entry(xml, $"{baseUrl}/documents/{document.Key}", $"New document: {document.Title}",
                    document.PublishedOn ?? changes.Since, $"Published {document.PublishedOn?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "(date unknown)"}.");
            foreach (var statement in changes.Statements)
                Entry(xml, $"{baseUrl}/statements?actor={statement.ActorSlug}#{statement.Key}", $"{statement.ActorName} ({statement.When}): {statement.Summary}",
                    statement.When.Value, statement.Quote is null ? statement.Summary : $"{statement.Summary} Quote: \u201c{statement.Quote}\u201d");
            foreach (var shift in changes.Shifts)
                Entry(xml, $"{baseUrl}/actors/{shift.Actor.Slug}?question={shift.Question}#shift-{shift.Shift.Date.Value:yyyy-MM-dd}",
                    $"{shift.Actor.Name} shifts on {shift.Question}: {BandChip.Label(shift.Shift.From).ToLowerInvariant()} to {BandChip.Label(shift.Shift.To).ToLowerInvariant()}",
                    shift.Shift.Date.Value, $"On {shift.Shift.Date}, {shift.Actor.Name}'s stance on {shift.Question} moved from {BandChip.Label(shift.Shift.From).ToLowerInvariant()} to {BandChip.Label(shift.Shift.To).ToLowerInvariant()}.");

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return builder.ToString();
    }

    /// <summary>An entry of stored text: cleaned of what XML cannot hold, so one bad row cannot break the feed for every reader.</summary>
    private static void Entry(XmlWriter xml, string url, string title, DateOnly date, string summary)
    {
        url = XmlSafe.Text(url);
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, url);
        xml.WriteElementString("title", Atom, XmlSafe.Text(title));
        xml.WriteElementString("updated", Atom, Timestamp(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        Link(xml, "alternate", url, "text/html");
        xml.WriteElementString("summary", Atom, XmlSafe.Text(summary));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
