using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Stances;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Corpus;

/// <summary>
/// Writes the whole corpus in the corpus format, texts inline, so an export is one self-contained file that imports
/// into an empty database and exports again as the same document. Large sections are streamed record by record.
/// </summary>
public sealed class CorpusExporter(IDbContextFactory<AppDbContext> contexts)
{
    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Through a pipe, so the serializer's flushes only fill a buffer and every write to the stream is asynchronous
        // (ASP.NET Core refuses synchronous writes to a response).
        var pipe = System.IO.Pipelines.PipeWriter.Create(output, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
        await using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", 1);
        writer.WriteString("methodology", Methodology.Version);
        await WriteSectionAsync(writer, pipe, "topics", Topics(db), cancellationToken);
        await WriteSectionAsync(writer, pipe, "questions", db.Questions.AsNoTracking().OrderBy(q => q.Slug)
            .Select(q => new CorpusQuestion(q.Slug, q.Title, q.Topic.Slug, q.MinusTwoMeans, q.PlusTwoMeans)).AsAsyncEnumerable(), cancellationToken);
        await WriteSectionAsync(writer, pipe, "countries", db.Countries.AsNoTracking().OrderBy(c => c.Code).AsAsyncEnumerable()
            .Select(c => new CorpusCountry(c.Code, c.Name, c.LeadingOffice.ToWire(), c.LeadingOfficeTitle)), cancellationToken);
        await WriteSectionAsync(writer, pipe, "blocs", Blocs(db), cancellationToken);
        await WriteSectionAsync(writer, pipe, "outlets", db.Outlets.AsNoTracking().OrderBy(o => o.Slug).AsAsyncEnumerable()
            .Select(o => new CorpusOutlet(o.Slug, o.Name, o.Reliability.ToString())), cancellationToken);
        await WriteSectionAsync(writer, pipe, "coders", db.Coders.AsNoTracking().OrderBy(c => c.Key).Select(c => new CorpusCoder(c.Key, c.DisplayName)).AsAsyncEnumerable(), cancellationToken);
        await WriteSectionAsync(writer, pipe, "actors", Actors(db), cancellationToken);
        await WriteSectionAsync(writer, pipe, "documents", Documents(db), cancellationToken);
        await WriteSectionAsync(writer, pipe, "meetings", Meetings(db), cancellationToken);
        await WriteSectionAsync(writer, pipe, "statements", Statements(db), cancellationToken);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        await pipe.CompleteAsync();
    }

    private static async Task WriteSectionAsync<T>(Utf8JsonWriter writer, System.IO.Pipelines.PipeWriter pipe, string name, IAsyncEnumerable<T> items,
        CancellationToken cancellationToken)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        var count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, item, CorpusReader.Json);
            // Hand the buffered records to the stream now and then, so memory does not grow with the corpus.
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(cancellationToken);
                await pipe.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? date) => date is { } d ? Day(d) : null;

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    private static async IAsyncEnumerable<CorpusTopic> Topics(AppDbContext db)
    {
        // Parents before children, so the file reads top-down (the loader does not depend on it).
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Slug, t.Name, Parent = t.Parent != null ? t.Parent.Slug : null }).ToListAsync();
        var emitted = new HashSet<string>();
        while (emitted.Count < topics.Count)
            foreach (var topic in topics.Where(t => !emitted.Contains(t.Slug) && (t.Parent is null || emitted.Contains(t.Parent))).OrderBy(t => t.Slug, StringComparer.Ordinal).ToList())
            {
                emitted.Add(topic.Slug);
                yield return new CorpusTopic(topic.Slug, topic.Name, topic.Parent);
            }
    }

    private static IAsyncEnumerable<CorpusBloc> Blocs(AppDbContext db) =>
        db.Blocs.AsNoTracking().OrderBy(b => b.Slug)
            .Select(b => new { b.Slug, b.Name, Members = b.Members.OrderBy(m => m.From).ThenBy(m => m.Country.Code).Select(m => new { m.Country.Code, m.From, m.To }).ToList() })
            .AsAsyncEnumerable()
            .Select(b => new CorpusBloc(b.Slug, b.Name, b.Members.Select(m => new CorpusMembership(m.Code, Day(m.From), Day(m.To))).ToList()));

    private static IAsyncEnumerable<CorpusActor> Actors(AppDbContext db) =>
        db.Actors.AsNoTracking().OrderBy(a => a.Slug)
            .Select(a => new { a.Slug, a.Name, a.Kind, a.CountryCode, a.Aliases, a.Note, Roles = a.Roles.OrderBy(r => r.From).ThenBy(r => r.Office).ToList() })
            .AsAsyncEnumerable()
            .Select(a => new CorpusActor(a.Slug, a.Name, a.Kind.ToWire(), a.CountryCode, NullIfEmpty(a.Aliases), a.Note,
                NullIfEmpty(a.Roles.Select(r => new CorpusRole(r.Office, r.OfficeKind.ToWire(), Day(r.From), Day(r.To), r.CountryCode, r.Organisation, r.Basis)).ToList())));

    private static IAsyncEnumerable<CorpusDocument> Documents(AppDbContext db) =>
        db.Documents.AsNoTracking().OrderBy(d => d.Key)
            .Select(d => new
            {
                d.Key, d.Title, Outlet = d.Outlet != null ? d.Outlet.Slug : null, d.Url, d.PublishedOn, d.RetrievedOn, d.Language,
                Cites = d.CitedOutlets.OrderBy(o => o.Slug).Select(o => o.Slug).ToList(), d.ReliabilityOverride, d.ReliabilityReason, d.Text, d.Sha256,
                Annotations = d.Annotations.OrderBy(a => a.Start).ThenBy(a => a.Key)
                    .Select(a => new CorpusAnnotation(a.Key, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Note, a.Tags, a.Translation)).ToList(),
            })
            .AsAsyncEnumerable()
            .Select(d => new CorpusDocument
            {
                Key = d.Key, Title = d.Title, Outlet = d.Outlet, Url = d.Url, PublishedOn = Day(d.PublishedOn), RetrievedOn = Day(d.RetrievedOn),
                Language = d.Language, Cites = NullIfEmpty(d.Cites), ReliabilityOverride = d.ReliabilityOverride?.ToString(),
                ReliabilityReason = d.ReliabilityReason, Text = d.Text, Sha256 = d.Sha256,
                Annotations = NullIfEmpty(d.Annotations.Select(a => a with { Tags = NullIfEmpty(a.Tags ?? []) }).ToList()),
            });

    private static IAsyncEnumerable<CorpusMeeting> Meetings(AppDbContext db) =>
        db.Meetings.AsNoTracking().OrderBy(m => m.Key)
            .Select(m => new
            {
                m.Key, m.Kind, m.Title, m.Date, m.DatePrecision, m.Place, m.Note,
                Participants = m.Participants.OrderBy(p => p.Slug).Select(p => p.Slug).ToList(),
                Topics = m.Topics.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
                ReportedIn = m.ReportedIn.OrderBy(d => d.Key).Select(d => d.Key).ToList(),
            })
            .AsAsyncEnumerable()
            .Select(m => new CorpusMeeting(m.Key, m.Kind.ToWire(), m.Title, Day(m.Date), m.DatePrecision.ToWire(), m.Place, m.Note,
                NullIfEmpty(m.Participants), NullIfEmpty(m.Topics), NullIfEmpty(m.ReportedIn)));

    private static IAsyncEnumerable<CorpusStatement> Statements(AppDbContext db) =>
        db.Statements.AsNoTracking().OrderBy(s => s.Key)
            .Select(s => new
            {
                s.Key, Actor = s.Actor.Slug, s.Kind, s.Date, s.DatePrecision, s.Summary, s.Credibility,
                Evidence = s.Evidence.OrderBy(a => a.Key).Select(a => a.Key).ToList(),
                Topics = s.Topics.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
                Meeting = s.Meeting != null ? s.Meeting.Key : null,
                Relations = s.Relations.OrderBy(r => r.ToStatement.Key).Select(r => new { r.Type, To = r.ToStatement.Key }).ToList(),
                Codings = s.Codings.OrderBy(c => c.Question.Slug).ThenBy(c => c.Coder.Key)
                    .Select(c => new CorpusCoding(c.Question.Slug, c.Coder.Key, c.Position, c.Qualifier)).ToList(),
            })
            .AsAsyncEnumerable()
            .Select(s => new CorpusStatement(s.Key, s.Actor, s.Kind.ToWire(), Day(s.Date), s.DatePrecision.ToWire(), s.Summary, s.Evidence, (int)s.Credibility,
                NullIfEmpty(s.Topics), s.Meeting, NullIfEmpty(s.Relations.Select(r => new CorpusRelation(r.Type.ToWire(), r.To)).ToList()), NullIfEmpty(s.Codings)));
}
