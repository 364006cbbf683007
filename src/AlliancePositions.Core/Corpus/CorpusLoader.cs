using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
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

    /// <summary>
    /// Adds the corpus's records in one transaction. A record whose key is already stored is not added again: the
    /// stored one is used for references (import has checked that it is identical). The new records are written by
    /// the bulk insert (prepared commands, not change tracking: a corpus is tens of thousands of rows), in order so that
    /// what a record refers to is written before it.
    /// </summary>
    public Task<int> LoadAsync(ValidatedCorpus corpus, CancellationToken cancellationToken) => LoadAsync(corpus, audit: null, cancellationToken);

    /// <summary>As <see cref="LoadAsync(ValidatedCorpus, CancellationToken)"/>, with the audit row <paramref name="audit"/>
    /// makes of the number of records added, written in the same transaction (an import is a user's change).</summary>
    public async Task<int> LoadAsync(ValidatedCorpus corpus, Func<int, Audit.AuditEntry>? audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangedBy = "corpus";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int added;
        // Disposed before the commit: it gives the connection back as it found it.
        using (var rows = BulkInsert.For(db)) added = await WriteAsync(db, rows, corpus, cancellationToken);
        if (audit is not null)
        {
            // Only the audit row is saved: the records went in around the change tracker.
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(audit(added));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private static async Task<int> WriteAsync(AppDbContext db, IBulkInsert rows, ValidatedCorpus corpus, CancellationToken cancellationToken)
    {
        var file = corpus.File;
        var added = 0;
        void Add<T>(IReadOnlyCollection<T> entities) where T : class { rows.Insert(entities, cancellationToken); added += entities.Count; }

        var topics = await Existing(db.Topics, t => t.Slug, file.Topics.Select(t => t.Slug), cancellationToken);
        var newTopics = file.Topics.Where(t => !topics.ContainsKey(t.Slug)).ToList();
        foreach (var t in newTopics) topics[t.Slug] = new Topic { Slug = t.Slug, Name = t.Name };
        foreach (var t in newTopics.Where(t => t.Parent is not null)) topics[t.Slug].Parent = topics[t.Parent!];
        Add(ParentsFirst(newTopics.Select(t => topics[t.Slug]).ToList()));
        var questions = await Existing(db.Questions, q => q.Slug, file.Questions.Select(q => q.Slug), cancellationToken);
        Add(New(file.Questions, q => q.Slug, questions, q =>
            new Question { Slug = q.Slug, Title = q.Title, Topic = topics[q.Topic], MinusTwoMeans = q.MinusTwo, PlusTwoMeans = q.PlusTwo }));
        var countries = await Existing(db.Countries, c => c.Code, file.Countries.Select(c => c.Code.ToUpperInvariant()), cancellationToken);
        Add(New(file.Countries, c => c.Code.ToUpperInvariant(), countries, c =>
            new Country { Code = c.Code.ToUpperInvariant(), Name = c.Name, LeadingOffice = Wire<OfficeKind>(c.LeadingOffice), LeadingOfficeTitle = c.LeadingOfficeTitle }));
        var blocs = await Existing(db.Blocs, b => b.Slug, file.Blocs.Select(b => b.Slug), cancellationToken);
        var newBlocs = New(file.Blocs, b => b.Slug, blocs, bloc => new Bloc
        {
            Slug = bloc.Slug, Name = bloc.Name,
            Members = (bloc.Members ?? []).Select(m => new BlocMembership { Country = countries[m.Country.ToUpperInvariant()], From = Day(m.From), To = OptionalDay(m.To) }).ToList(),
        });
        Add(newBlocs);
        rows.Insert(newBlocs.SelectMany(b => b.Members), cancellationToken);
        var outlets = await Existing(db.Outlets, o => o.Slug, file.Outlets.Select(o => o.Slug), cancellationToken);
        Add(New(file.Outlets, o => o.Slug, outlets, o =>
            new Outlet { Slug = o.Slug, Name = o.Name, Reliability = o.Reliability is null ? SourceGrade.F : Enum.Parse<SourceGrade>(o.Reliability) }));
        var coders = await Existing(db.Coders, c => c.Key, file.Coders.Select(c => c.Key), cancellationToken);
        Add(New(file.Coders, c => c.Key, coders, c => new Coder { Key = c.Key, DisplayName = c.DisplayName }));
        var actors = await Existing(db.Actors, a => a.Slug, file.Actors.Select(a => a.Slug), cancellationToken);
        var newActors = New(file.Actors, a => a.Slug, actors, ToActor);
        Add(newActors);
        rows.Insert(newActors.SelectMany(a => a.Roles), cancellationToken);

        var documents = await Existing(db.Documents, d => d.Key, file.Documents.Select(d => d.Key), cancellationToken);
        var annotationKeys = file.Documents.SelectMany(d => d.Annotations ?? []).Select(a => a.Key).ToList();
        var annotations = await Existing(db.Annotations, a => a.Key, annotationKeys, cancellationToken);
        var newDocuments = New(file.Documents, d => d.Key, documents, d => ToDocument(d, corpus.Texts[d.Key], outlets));
        Add(newDocuments);
        var newAnnotations = newDocuments.SelectMany(d => d.Annotations).ToList();
        rows.Insert(newAnnotations, cancellationToken);
        foreach (var annotation in newAnnotations) annotations[annotation.Key] = annotation;
        var meetings = await Existing(db.Meetings, m => m.Key, file.Meetings.Select(m => m.Key), cancellationToken);
        Add(New(file.Meetings, m => m.Key, meetings, m => new Meeting
        {
            Key = m.Key, Kind = Wire<MeetingKind>(m.Kind), Title = m.Title, Date = Day(m.Date), DatePrecision = Wire<DatePrecision>(m.DatePrecision),
            Place = m.Place, Note = m.Note,
            Participants = (m.Participants ?? []).Select(p => actors[p]).ToList(),
            Topics = (m.Topics ?? []).Select(t => topics[t]).ToList(),
            ReportedIn = (m.ReportedIn ?? []).Select(k => documents[k]).ToList(),
        }));
        added += await AddStatementsAsync(db, rows, file.Statements, actors, topics, annotations, meetings, questions, coders, cancellationToken);

        return added;
    }

    /// <summary>The file's records whose key is not stored, made into entities and added to <paramref name="byKey"/>.</summary>
    private static List<TEntity> New<TRecord, TEntity>(List<TRecord> records, Func<TRecord, string> key, Dictionary<string, TEntity> byKey,
        Func<TRecord, TEntity> create)
    {
        var created = new List<TEntity>();
        foreach (var record in records.Where(r => !byKey.ContainsKey(key(r))))
        {
            var entity = create(record);
            byKey[key(record)] = entity;
            created.Add(entity);
        }
        return created;
    }

    /// <summary>New topics in an order where each parent comes before its children, so its key exists when they are written.</summary>
    private static List<Topic> ParentsFirst(List<Topic> topics)
    {
        var ordered = new List<Topic>(topics.Count);
        var placed = new HashSet<Topic>(ReferenceEqualityComparer.Instance);
        while (ordered.Count < topics.Count)
        {
            var ready = topics.Where(t => !placed.Contains(t) && (t.Parent is null || t.Parent.Id != 0 || placed.Contains(t.Parent))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("The new topics' parents form a cycle.");
            foreach (var topic in ready)
            {
                placed.Add(topic);
                ordered.Add(topic);
            }
        }
        return ordered;
    }

    /// <summary>The stored records among <paramref name="keys"/>, tracked, by key.</summary>
    private static async Task<Dictionary<string, T>> Existing<T>(IQueryable<T> set, System.Linq.Expressions.Expression<Func<T, string>> key,
        IEnumerable<string> keys, CancellationToken cancellationToken) where T : class
    {
        var wanted = keys.ToList();
        if (wanted.Count == 0) return new Dictionary<string, T>(StringComparer.Ordinal);
        var compiled = key.Compile();
        var parameter = key.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            System.Linq.Expressions.Expression.Constant(wanted), key.Body);
        var found = await set.IgnoreQueryFilters().Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter)).ToListAsync(cancellationToken);
        return found.ToDictionary(compiled, StringComparer.Ordinal);
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

    private static Document ToDocument(CorpusDocument d, string text, Dictionary<string, Outlet> outlets)
    {
        var document = new Document
        {
            Key = d.Key, Title = d.Title, Outlet = d.Outlet is null ? null : outlets[d.Outlet], Url = d.Url,
            PublishedOn = OptionalDay(d.PublishedOn), RetrievedOn = OptionalDay(d.RetrievedOn), Language = d.Language,
            Text = text, Sha256 = DocumentText.Sha256(text),
            ReliabilityOverride = d.ReliabilityOverride is null ? null : Enum.Parse<SourceGrade>(d.ReliabilityOverride),
            ReliabilityReason = d.ReliabilityReason,
            CitedOutlets = (d.Cites ?? []).Select(o => outlets[o]).ToList(),
        };
        foreach (var a in d.Annotations ?? [])
        {
            document.Annotations.Add(new Annotation
            {
                Key = a.Key, Document = document, Start = a.Start, End = a.End, Exact = a.Exact,
                Prefix = DocumentText.PrefixAt(text, a.Start), Suffix = DocumentText.SuffixAt(text, a.End),
                Note = a.Note, Tags = a.Tags ?? [], Translation = a.Translation,
            });
        }
        return document;
    }

    private static async Task<int> AddStatementsAsync(AppDbContext db, IBulkInsert rows, List<CorpusStatement> items, Dictionary<string, Actor> actors,
        Dictionary<string, Topic> topics, Dictionary<string, Annotation> annotations, Dictionary<string, Meeting> meetings, Dictionary<string, Question> questions,
        Dictionary<string, Coder> coders, CancellationToken cancellationToken)
    {
        var statements = await Existing(db.Statements, s => s.Key, items.Select(s => s.Key), cancellationToken);
        var fresh = items.Where(s => !statements.ContainsKey(s.Key)).ToList();
        var created = new List<Statement>(fresh.Count);
        foreach (var s in fresh)
        {
            var statement = new Statement
            {
                Key = s.Key, Actor = actors[s.Actor], Kind = Wire<StatementKind>(s.Kind), Date = Day(s.Date),
                DatePrecision = Wire<DatePrecision>(s.DatePrecision), Summary = s.Summary, Credibility = (Credibility)s.Credibility,
                Meeting = s.Meeting is null ? null : meetings[s.Meeting],
                Topics = (s.Topics ?? []).Select(t => topics[t]).ToList(),
                Evidence = s.Evidence.Select(a => annotations[a]).ToList(),
                Codings = (s.Codings ?? []).Select(c => new Coding { Question = questions[c.Question], Coder = coders[c.Coder], Position = c.Position, Qualifier = c.Qualifier }).ToList(),
            };
            statements[s.Key] = statement;
            created.Add(statement);
        }
        await LoadEvidenceDocumentsAsync(db, created, cancellationToken);
        foreach (var statement in created) statement.SummariseEvidence();
        rows.Insert(created, cancellationToken);
        rows.Insert(created.SelectMany(s => s.Codings), cancellationToken);
        // Relations last: a relation may point to a statement later in the file, which must be written first.
        foreach (var s in fresh)
            foreach (var relation in s.Relations ?? [])
                statements[s.Key].Relations.Add(new StatementRelation { FromStatement = statements[s.Key], Type = Wire<RelationType>(relation.Type), ToStatement = statements[relation.Statement] });
        rows.Insert(created.SelectMany(s => s.Relations), cancellationToken);
        return fresh.Count;
    }

    /// <summary>
    /// Stored annotations were loaded without their documents, and stored documents without their outlets; summarising
    /// the evidence needs both. Loaded in a few queries (not one per statement), which the context fixes up onto the
    /// tracked annotations.
    /// </summary>
    private static async Task LoadEvidenceDocumentsAsync(AppDbContext db, List<Statement> statements, CancellationToken cancellationToken)
    {
        var documentIds = statements.SelectMany(s => s.Evidence)
            .Where(a => a.Id != 0 && (a.Document is null || a.Document.Id != 0 && a.Document.OutletId is not null && a.Document.Outlet is null))
            .Select(a => a.DocumentId).Distinct().ToList();
        foreach (var chunk in documentIds.Chunk(500))
            await db.Documents.IgnoreQueryFilters().Include(d => d.Outlet).Where(d => chunk.Contains(d.Id)).LoadAsync(cancellationToken);
    }

    private static T Wire<T>(string text) where T : struct, Enum =>
        WireNames.TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"Unvalidated {typeof(T).Name} \"{text}\".");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDay(string? text) => text is null ? null : Day(text);
}
