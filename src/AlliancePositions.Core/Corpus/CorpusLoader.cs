using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Corpus;

/// <summary>
/// Writes a validated corpus into the database in one transaction, keeping its keys: all of it or nothing.
/// </summary>
public sealed class CorpusLoader(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<CorpusLoader> logger)
{
    /// <summary>
    /// Loads the corpus at <paramref name="corpusPath"/> when the database holds no corpus yet; a database that already
    /// has one is left as it is, so a second start changes nothing. Throws <see cref="CorpusValidationException"/>
    /// with every problem when the file is invalid.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(string corpusPath, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await HoldsCorpusAsync(db, cancellationToken))
            {
                logger.LogInformation("The database already holds a corpus; the seed at {CorpusPath} is not loaded again", corpusPath);
                return false;
            }
        }
        var corpus = await CorpusReader.ReadFileAsync(corpusPath, clock, cancellationToken);
        await LoadAsync(corpus, cancellationToken);
        logger.LogInformation("Loaded the seed corpus {CorpusPath}: {ActorCount} actors, {DocumentCount} documents, {StatementCount} statements",
            corpusPath, corpus.File.Actors.Count, corpus.File.Documents.Count, corpus.File.Statements.Count);
        return true;
    }

    public static async Task<bool> HoldsCorpusAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Topics.AnyAsync(cancellationToken) || await db.Actors.IgnoreQueryFilters().AnyAsync(cancellationToken)
        || await db.Documents.IgnoreQueryFilters().AnyAsync(cancellationToken);

    public async Task LoadAsync(ValidatedCorpus corpus, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangedBy = "corpus";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var file = corpus.File;

        var topics = AddTopics(db, file.Topics);
        var questions = file.Questions.ToDictionary(q => q.Slug, q => db.Questions.Add(new Question
        {
            Slug = q.Slug, Title = q.Title, Topic = topics[q.Topic], MinusTwoMeans = q.MinusTwo, PlusTwoMeans = q.PlusTwo,
        }).Entity);
        var countries = file.Countries.ToDictionary(c => c.Code.ToUpperInvariant(), c => db.Countries.Add(new Country
        {
            Code = c.Code.ToUpperInvariant(), Name = c.Name, LeadingOffice = Wire<OfficeKind>(c.LeadingOffice), LeadingOfficeTitle = c.LeadingOfficeTitle,
        }).Entity);
        foreach (var bloc in file.Blocs)
        {
            db.Blocs.Add(new Bloc
            {
                Slug = bloc.Slug, Name = bloc.Name,
                Members = (bloc.Members ?? []).Select(m => new BlocMembership
                {
                    Country = countries[m.Country.ToUpperInvariant()], From = Day(m.From), To = OptionalDay(m.To),
                }).ToList(),
            });
        }
        var outlets = file.Outlets.ToDictionary(o => o.Slug, o => db.Outlets.Add(new Outlet
        {
            Slug = o.Slug, Name = o.Name, Reliability = o.Reliability is null ? SourceGrade.F : Enum.Parse<SourceGrade>(o.Reliability),
        }).Entity);
        var coders = file.Coders.ToDictionary(c => c.Key, c => db.Coders.Add(new Coder { Key = c.Key, DisplayName = c.DisplayName }).Entity);
        var actors = file.Actors.ToDictionary(a => a.Slug, a => db.Actors.Add(ToActor(a)).Entity);
        var (documents, annotations) = AddDocuments(db, file.Documents, corpus.Texts, outlets);
        var meetings = file.Meetings.ToDictionary(m => m.Key, m => db.Meetings.Add(new Meeting
        {
            Key = m.Key, Kind = Wire<MeetingKind>(m.Kind), Title = m.Title, Date = Day(m.Date), DatePrecision = Wire<DatePrecision>(m.DatePrecision),
            Place = m.Place, Note = m.Note,
            Participants = (m.Participants ?? []).Select(p => actors[p]).ToList(),
            Topics = (m.Topics ?? []).Select(t => topics[t]).ToList(),
            ReportedIn = (m.ReportedIn ?? []).Select(d => documents[d]).ToList(),
        }).Entity);
        AddStatements(db, file.Statements, actors, topics, annotations, meetings, questions, coders);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Dictionary<string, Topic> AddTopics(AppDbContext db, List<CorpusTopic> items)
    {
        var topics = items.ToDictionary(t => t.Slug, t => new Topic { Slug = t.Slug, Name = t.Name });
        foreach (var item in items.Where(t => t.Parent is not null)) topics[item.Slug].Parent = topics[item.Parent!];
        db.Topics.AddRange(topics.Values);
        return topics;
    }

    private static Actor ToActor(CorpusActor a) => new()
    {
        Slug = a.Slug, Name = a.Name, Kind = Wire<ActorKind>(a.Kind), CountryCode = a.Country?.ToUpperInvariant(),
        Aliases = a.Aliases ?? [], Note = a.Note,
        Roles = (a.Roles ?? []).Select(r => new RoleTenure
        {
            Office = r.Office, OfficeKind = Wire<OfficeKind>(r.OfficeKind), CountryCode = r.Country?.ToUpperInvariant(),
            Organisation = r.Organisation, From = Day(r.From), To = OptionalDay(r.To), Basis = r.Basis,
        }).ToList(),
    };

    private static (Dictionary<string, Document>, Dictionary<string, Annotation>) AddDocuments(AppDbContext db, List<CorpusDocument> items,
        IReadOnlyDictionary<string, string> texts, Dictionary<string, Outlet> outlets)
    {
        var documents = new Dictionary<string, Document>(StringComparer.Ordinal);
        var annotations = new Dictionary<string, Annotation>(StringComparer.Ordinal);
        foreach (var d in items)
        {
            var text = texts[d.Key];
            var document = db.Documents.Add(new Document
            {
                Key = d.Key, Title = d.Title, Outlet = d.Outlet is null ? null : outlets[d.Outlet], Url = d.Url,
                PublishedOn = OptionalDay(d.PublishedOn), RetrievedOn = OptionalDay(d.RetrievedOn), Language = d.Language,
                Text = text, Sha256 = DocumentText.Sha256(text),
                ReliabilityOverride = d.ReliabilityOverride is null ? null : Enum.Parse<SourceGrade>(d.ReliabilityOverride),
                ReliabilityReason = d.ReliabilityReason,
                CitedOutlets = (d.Cites ?? []).Select(o => outlets[o]).ToList(),
            }).Entity;
            documents[d.Key] = document;
            foreach (var a in d.Annotations ?? [])
            {
                var annotation = new Annotation
                {
                    Key = a.Key, Document = document, Start = a.Start, End = a.End, Exact = a.Exact,
                    Prefix = DocumentText.PrefixAt(text, a.Start), Suffix = DocumentText.SuffixAt(text, a.End),
                    Note = a.Note, Tags = a.Tags ?? [], Translation = a.Translation,
                };
                document.Annotations.Add(annotation);
                annotations[a.Key] = annotation;
            }
        }
        return (documents, annotations);
    }

    private static void AddStatements(AppDbContext db, List<CorpusStatement> items, Dictionary<string, Actor> actors, Dictionary<string, Topic> topics,
        Dictionary<string, Annotation> annotations, Dictionary<string, Meeting> meetings, Dictionary<string, Question> questions, Dictionary<string, Coder> coders)
    {
        var statements = items.ToDictionary(s => s.Key, s =>
        {
            var statement = new Statement
            {
                Key = s.Key, Actor = actors[s.Actor], Kind = Wire<StatementKind>(s.Kind), Date = Day(s.Date),
                DatePrecision = Wire<DatePrecision>(s.DatePrecision), Summary = s.Summary, Credibility = (Credibility)s.Credibility,
                Meeting = s.Meeting is null ? null : meetings[s.Meeting],
                Topics = (s.Topics ?? []).Select(t => topics[t]).ToList(),
                Evidence = s.Evidence.Select(a => annotations[a]).ToList(),
                Codings = (s.Codings ?? []).Select(c => new Coding
                {
                    Question = questions[c.Question], Coder = coders[c.Coder], Position = c.Position, Qualifier = c.Qualifier,
                }).ToList(),
            };
            statement.SummariseEvidence();
            return db.Statements.Add(statement).Entity;
        });
        foreach (var s in items)
            foreach (var relation in s.Relations ?? [])
                statements[s.Key].Relations.Add(new StatementRelation { Type = Wire<RelationType>(relation.Type), ToStatement = statements[relation.Statement] });
    }

    private static T Wire<T>(string text) where T : struct, Enum =>
        WireNames.TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"Unvalidated {typeof(T).Name} \"{text}\".");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDay(string? text) => text is null ? null : Day(text);
}
