using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Generator;

/// <summary>The target database cannot take a generated corpus (it already holds one).</summary>
public sealed class SyntheticCorpusException(string message) : Exception(message);

/// <summary>
/// Writes a realistic synthetic corpus of any size for measuring the app at scale: actors with role tenures across ~40
/// countries and two blocs, documents whose annotations quote them at exact UTF-16 offsets, statements over 2014-2026
/// with day/month/year precision (80/15/5), relations, codings whose positions drift and sometimes reverse per actor,
/// meetings, and a second coder on ~5% of codings. The schema comes from the app's own EF migrations and the rows are
/// the app's entities written through its bulk insert (the corpus loader's path), so tables, columns and derived fields
/// are the app's own. Deterministic for a given seed: every record is stamped with one fixed instant.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<GeneratedCorpusSummary> GenerateAsync(SyntheticCorpusOptions options, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (directory is not null) Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false }.ToString();
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options)
        {
            ChangedBy = "generator", Clock = new FixedClock(Stamp),
        };
        await db.Database.MigrateAsync(cancellationToken);
        await RefuseAFilledDatabaseAsync(db, $"The database \"{options.DatabasePath}\"", cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // A fresh file loaded in one go: the rollback journal is kept in memory while writing, then the app's WAL mode is restored.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;", cancellationToken);
        var summary = await new Writer(db, options, progress).RunAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        return summary;
    }

    /// <summary>
    /// The same corpus written into a PostgreSQL database (<paramref name="options"/>' path is not used): the same seed
    /// gives the same rows as in a SQLite file, through the same entities and the PostgreSQL bulk insert (binary COPY),
    /// so the two providers can be measured on one content without exporting and importing it.
    /// </summary>
    public static async Task<GeneratedCorpusSummary> GenerateIntoPostgresAsync(string connectionString, SyntheticCorpusOptions options,
        IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = new AppDbContext((DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseAlliancePositionsDatabase(DatabaseProvider.PostgreSQL, connectionString).Options)
        {
            ChangedBy = "generator", Clock = new FixedClock(Stamp),
        };
        await db.Database.MigrateAsync(cancellationToken);
        await RefuseAFilledDatabaseAsync(db, "The PostgreSQL database", cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await new Writer(db, options, progress).RunAsync(cancellationToken);
    }

    private static async Task RefuseAFilledDatabaseAsync(AppDbContext db, string name, CancellationToken cancellationToken)
    {
        if (await CorpusLoader.HoldsCorpusAsync(db, cancellationToken))
            throw new SyntheticCorpusException($"{name} already holds a corpus; generate into a new one.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The stable 8-character key of the n-th record (a bijection, so keys never clash), in the app's key alphabet.</summary>
    internal static string KeyFor(long n, long salt)
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var x = (n * 0x9E3779B1L + salt) & 0xFF_FFFF_FFFFL; // odd multiplier mod 2^40: one key per n
        var chars = new char[8];
        for (var i = 0; i < 8; i++) { chars[i] = alphabet[(int)(x & 31)]; x >>= 5; }
        return new string(chars);
    }

    private sealed record ActorInfo(int Index, Actor Entity, int Country);

    private sealed record StanceModel(double Base, double DriftPerYear, DateOnly? ReversedFrom);

    private sealed record PlannedCoding(int Question, int Position, int Coder, string? Qualifier, int? SecondPosition);

    private sealed record PlannedStatement(int Id, ActorInfo Actor, StatementKind Kind, PartialDate When, Credibility Credibility, int[] Topics,
        List<PlannedCoding> Codings, Meeting? Meeting, string Summary, string Quote, string? Reaction);

    /// <summary>
    /// Plans records with the seeded random generator and hands them to the bulk insert a slice at a time, so memory stays
    /// flat whatever the size. Reference data (topics, questions, countries, outlets, coders, actors) stays in memory:
    /// statements refer to those entities, whose keys the bulk insert has set.
    /// </summary>
    private sealed class Writer(AppDbContext db, SyntheticCorpusOptions options, IProgress<GenerationProgress>? progress)
    {
        private static readonly DateOnly First = new(2014, 1, 1);
        private static readonly DateOnly Last = new(2026, 10, 31);
        private const int StatementsPerTransaction = 20_000;

        private readonly Random random = new(options.Seed);
        private readonly Stopwatch clock = Stopwatch.StartNew();

        private readonly List<Topic> leafTopics = [];
        private readonly Dictionary<Topic, List<int>> questionsByTopic = new(ReferenceEqualityComparer.Instance);
        private readonly List<(Question Entity, string Object)> questionList = [];
        private readonly List<Outlet> outlets = [];
        private readonly List<Coder> coders = [];
        private readonly List<ActorInfo> actorList = [];
        private double[] actorWeights = [];
        private int[] lastStatementOf = [];
        private readonly Dictionary<(int Actor, int Question), StanceModel> stances = [];

        // The records of the slice being written; sent and dropped at each commit.
        private readonly List<Meeting> meetings = [];
        private readonly List<Document> documents = [];
        private readonly List<Statement> statements = [];
        private readonly List<StatementRelation> relations = [];

        private int documentCount, annotationCount, statementCount, codingCount, secondCodings, relationCount, meetingCount;

        // The meeting statements are currently attached to: its participants' statements may be said there.
        private (Meeting Entity, HashSet<int> Participants, int Until)? currentMeeting;

        public async Task<GeneratedCorpusSummary> RunAsync(CancellationToken cancellationToken)
        {
            await WriteAsync(rows => WriteReferenceData(rows, cancellationToken), cancellationToken);
            var next = 1;
            var lastReport = TimeSpan.Zero;
            while (next <= options.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = Math.Min(random.Next(4, 11), options.Statements - next + 1);
                PlanDocument(next, size);
                var before = next;
                next += size;
                if ((next - 1) / StatementsPerTransaction != (before - 1) / StatementsPerTransaction) await WriteAsync(rows => WriteSlice(rows, cancellationToken), cancellationToken);
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(1)) { lastReport = clock.Elapsed; Report(next - 1); }
            }
            await WriteAsync(rows => WriteSlice(rows, cancellationToken), cancellationToken);
            Report(options.Statements);
            return new GeneratedCorpusSummary(actorList.Count, statementCount, documentCount, annotationCount, codingCount, secondCodings,
                relationCount, meetingCount, clock.Elapsed);
        }

        private void Report(int done) =>
            progress?.Report(new GenerationProgress(done, options.Statements, done / Math.Max(clock.Elapsed.TotalSeconds, 0.001), clock.Elapsed));

        /// <summary>One transaction around one bulk insert, as the corpus loader writes.</summary>
        private async Task WriteAsync(Action<IBulkInsert> write, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            using (var rows = BulkInsert.For(db)) write(rows);
            await transaction.CommitAsync(cancellationToken);
        }

        private void WriteSlice(IBulkInsert rows, CancellationToken cancellationToken)
        {
            rows.Insert(meetings, cancellationToken);
            rows.Insert(documents, cancellationToken);
            rows.Insert(documents.SelectMany(d => d.Annotations), cancellationToken);
            foreach (var statement in statements) statement.SummariseEvidence();
            rows.Insert(statements, cancellationToken);
            rows.Insert(statements.SelectMany(s => s.Codings), cancellationToken);
            rows.Insert(relations, cancellationToken);
            // Relations name their target by number: the bulk insert hands keys out in order, so the n-th statement is n.
            if (statements.Count > 0 && statements[^1].Id != statementCount)
                throw new InvalidOperationException($"The statements table was not empty: the last statement written has key {statements[^1].Id}, not {statementCount}.");
            meetings.Clear();
            documents.Clear();
            statements.Clear();
            relations.Clear();
        }

        private void WriteReferenceData(IBulkInsert rows, CancellationToken cancellationToken)
        {
            var topics = new Dictionary<string, Topic>();
            foreach (var (slug, name, parent) in SyntheticVocabulary.Topics)
            {
                var topic = new Topic { Slug = slug, Name = name, Parent = parent is null ? null : topics[parent] };
                topics[slug] = topic;
                if (parent is not null) leafTopics.Add(topic);
            }
            // The vocabulary lists parents before their children, so a parent's key is set when its children are written.
            rows.Insert(topics.Values, cancellationToken);
            for (var i = 0; i < options.Questions; i++)
            {
                var q = SyntheticVocabulary.Questions[i % SyntheticVocabulary.Questions.Length];
                var round = i / SyntheticVocabulary.Questions.Length;
                var topic = topics[q.Topic];
                questionList.Add((new Question
                {
                    Slug = round == 0 ? q.Slug : $"{q.Slug}-{round + 1}", Title = round == 0 ? q.Title : $"{q.Title} ({round + 1})",
                    Topic = topic, MinusTwoMeans = q.Minus, PlusTwoMeans = q.Plus,
                }, q.Object));
                if (!questionsByTopic.TryGetValue(topic, out var list)) questionsByTopic[topic] = list = [];
                list.Add(i);
            }
            rows.Insert(questionList.Select(q => q.Entity), cancellationToken);

            var specs = SyntheticVocabulary.Countries;
            var countries = specs.Select(c => new Country { Code = c.Code, Name = c.Name, LeadingOffice = c.Leading, LeadingOfficeTitle = c.Title }).ToList();
            rows.Insert(countries, cancellationToken);
            var nato = new Bloc { Slug = "nato", Name = "NATO" };
            var eu = new Bloc { Slug = "eu", Name = "European Union" };
            for (var i = 0; i < specs.Length; i++)
            {
                if (specs[i].NatoFrom is { } natoFrom) nato.Members.Add(new BlocMembership { Country = countries[i], From = DateOnly.Parse(natoFrom, CultureInfo.InvariantCulture) });
                if (specs[i].EuFrom is { } euFrom)
                    eu.Members.Add(new BlocMembership
                    {
                        Country = countries[i], From = DateOnly.Parse(euFrom, CultureInfo.InvariantCulture),
                        To = specs[i].EuTo is { } euTo ? DateOnly.Parse(euTo, CultureInfo.InvariantCulture) : null,
                    });
            }
            Bloc[] blocs = [nato, eu];
            rows.Insert(blocs, cancellationToken);
            rows.Insert(blocs.SelectMany(b => b.Members), cancellationToken);

            SourceGrade[] grades = [SourceGrade.A, SourceGrade.B, SourceGrade.B, SourceGrade.C, SourceGrade.C, SourceGrade.C, SourceGrade.D, SourceGrade.E, SourceGrade.F];
            outlets.AddRange(SyntheticVocabulary.Outlets.Select((o, i) => new Outlet { Slug = o.Slug, Name = o.Name, Reliability = grades[i % grades.Length] }));
            rows.Insert(outlets, cancellationToken);
            coders.AddRange([new Coder { Key = "coder-a", DisplayName = "Coder A" }, new Coder { Key = "coder-b", DisplayName = "Coder B" },
                new Coder { Key = "coder-c", DisplayName = "Coder C" }]);
            rows.Insert(coders, cancellationToken);

            PlanActors();
            rows.Insert(actorList.Select(a => a.Entity), cancellationToken);
            rows.Insert(actorList.SelectMany(a => a.Entity.Roles), cancellationToken);
        }

        private void PlanActors()
        {
            var country = SyntheticVocabulary.Countries;
            // Per country, two handover days split 2014-2026 into three leaders' tenures (ministers change on the first).
            var handovers = country.Select(_ =>
            {
                var first = First.AddDays(random.Next(500, 1800));
                return (first, first.AddDays(random.Next(500, 1800)));
            }).ToArray();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < options.Actors; i++)
            {
                var c = i % country.Length;
                var rank = i / country.Length;
                var spec = country[c];
                var person = $"{SyntheticVocabulary.FirstNames[random.Next(SyntheticVocabulary.FirstNames.Length)]} {SyntheticVocabulary.LastNames[random.Next(SyntheticVocabulary.LastNames.Length)]}";
                var (kind, name, aliases) = rank switch
                {
                    7 => (ActorKind.Institution, $"{spec.Name} Defence Ministry", new List<string> { $"the {spec.Name} defence ministry" }),
                    8 => (ActorKind.Unnamed, $"An official of {spec.Name}", new List<string> { $"a {spec.Name} official" }),
                    < 3 => (ActorKind.Person, person, new List<string> { $"the {spec.Title} of {spec.Name}" }),
                    _ => (ActorKind.Person, person, new List<string>()),
                };
                var slug = Slug.Unique(name, taken.Contains);
                taken.Add(slug);
                var actor = new Actor { Slug = slug, Name = name, Kind = kind, CountryCode = spec.Code, Aliases = aliases };
                actorList.Add(new ActorInfo(i, actor, c));

                var (h1, h2) = handovers[c];
                void Tenure(string office, OfficeKind officeKind, DateOnly from, DateOnly? to) => actor.Roles.Add(new RoleTenure
                {
                    Office = office, OfficeKind = officeKind, CountryCode = spec.Code, From = from, To = to, Basis = "Synthetic corpus: generated tenure.",
                });
                switch (rank)
                {
                    case 0: Tenure(spec.Title, spec.Leading, First.AddYears(-3), h1); break;
                    case 1: Tenure(spec.Title, spec.Leading, h1, h2); break;
                    case 2: Tenure(spec.Title, spec.Leading, h2, null); break;
                    case 3: Tenure("Foreign Minister", OfficeKind.ForeignMinister, First.AddYears(-2), h1); break;
                    case 4: Tenure("Foreign Minister", OfficeKind.ForeignMinister, h1, null); break;
                    case 5: Tenure("Defence Minister", OfficeKind.DefenceMinister, First.AddYears(-2), h2); break;
                    case 6: Tenure("Defence Minister", OfficeKind.DefenceMinister, h2, null); break;
                    case 7 or 8: break;
                    default: Tenure("Member of Parliament", OfficeKind.Other, First.AddYears(-1), null); break;
                }
            }
            // A few voices dominate, as in real coverage: Zipf-like weights over a shuffled order.
            var order = Enumerable.Range(0, actorList.Count).ToArray();
            random.Shuffle(order);
            actorWeights = new double[actorList.Count];
            var total = 0.0;
            for (var rank = 0; rank < order.Length; rank++) total += 1.0 / Math.Pow(rank + 1, 0.8);
            var cumulative = 0.0;
            var weightOf = new double[order.Length];
            for (var rank = 0; rank < order.Length; rank++) weightOf[order[rank]] = 1.0 / Math.Pow(rank + 1, 0.8) / total;
            for (var a = 0; a < order.Length; a++) { cumulative += weightOf[a]; actorWeights[a] = cumulative; }
            lastStatementOf = new int[actorList.Count];
        }

        private ActorInfo PickActor()
        {
            var index = Array.BinarySearch(actorWeights, random.NextDouble() * actorWeights[^1]);
            return actorList[Math.Min(index < 0 ? ~index : index, actorList.Count - 1)];
        }

        private DateOnly RawDate(int statementId)
        {
            var span = Last.DayNumber - First.DayNumber;
            var day = (long)(statementId - 1) * span / Math.Max(options.Statements, 1) + random.Next(-3, 4);
            return First.AddDays((int)Math.Clamp(day, 0, span));
        }

        private int PositionOf(ActorInfo actor, int question, DateOnly date)
        {
            if (!stances.TryGetValue((actor.Index, question), out var model))
            {
                model = new StanceModel(random.NextDouble() * 4 - 2, (random.NextDouble() - 0.5) * 0.5,
                    random.NextDouble() < 0.15 ? First.AddDays(random.Next(Last.DayNumber - First.DayNumber)) : null);
                stances[(actor.Index, question)] = model;
            }
            var years = (date.DayNumber - First.DayNumber) / 365.25;
            var value = model.Base + model.DriftPerYear * years + Gaussian() * 0.4;
            if (model.ReversedFrom is { } reversal && date >= reversal) value = -value;
            return (int)Math.Clamp(Math.Round(value), -2, 2);
        }

        private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private static readonly string[] Qualifiers = ["training only", "after a ceasefire", "under a UN mandate", "not at this stage"];

        private PlannedStatement Plan(int id, DateOnly raw)
        {
            var actor = PickActor();
            var roll = random.NextDouble();
            var precision = roll < 0.80 ? DatePrecision.Day : roll < 0.95 ? DatePrecision.Month : DatePrecision.Year;
            var when = PartialDate.Create(raw, precision);
            roll = random.NextDouble();
            var kind = roll < 0.5 ? StatementKind.Quote : roll < 0.75 ? StatementKind.Paraphrase : roll < 0.95 ? StatementKind.Reported : StatementKind.Action;
            int[] credibilities = [1, 2, 2, 2, 3, 3, 3, 4, 5, 6, 6];
            var credibility = (Credibility)credibilities[random.Next(credibilities.Length)];
            var topic = random.Next(leafTopics.Count);
            int[] statementTopics = random.NextDouble() < 0.2 ? [topic, random.Next(leafTopics.Count)] : [topic];
            statementTopics = statementTopics.Distinct().ToArray();

            var wanted = 1 + (random.NextDouble() < 0.5 ? 1 : 0) + (random.NextDouble() < 0.2 ? 1 : 0);
            var chosen = new List<int>();
            var onTopic = statementTopics.SelectMany(t => questionsByTopic.GetValueOrDefault(leafTopics[t]) ?? []).ToList();
            if (onTopic.Count > 0) chosen.Add(onTopic[random.Next(onTopic.Count)]);
            while (chosen.Count < Math.Min(wanted, questionList.Count))
            {
                var q = random.Next(questionList.Count);
                if (!chosen.Contains(q)) chosen.Add(q);
            }
            var planned = chosen.Select(q =>
            {
                var position = PositionOf(actor, q, when.Value);
                var coder = random.Next(coders.Count);
                var qualifier = random.NextDouble() < 0.03 ? Qualifiers[random.Next(Qualifiers.Length)] : null;
                int? second = random.NextDouble() < 0.05 ? Math.Clamp(position + random.Next(-1, 2), -2, 2) : null;
                return new PlannedCoding(q, position, coder, qualifier, second);
            }).ToList();

            Meeting? meeting = null;
            if (currentMeeting is { } m && id <= m.Until && m.Participants.Contains(actor.Index) && random.NextDouble() < 0.7) meeting = m.Entity;

            var main = planned[0];
            var subject = questionList[main.Question].Object;
            var verbs = main.Position switch
            {
                <= -1 => new[] { "ruled out", "warned against" },
                0 => ["hesitated over", "questioned", "signalled openness to"],
                _ => ["called for", "welcomed", "pressed allies on"],
            };
            var name = actor.Entity.Name;
            var term = SyntheticVocabulary.Terms[random.Next(SyntheticVocabulary.Terms.Length)];
            var summary = $"{name} {verbs[random.Next(verbs.Length)]} {subject} after talks on {term}.";
            var quote = main.Position switch
            {
                <= -1 => random.Next(2) == 0 ? $"We will not go down the road of {subject}" : $"There can be no question of {subject} today",
                0 => random.Next(2) == 0 ? $"Nothing is ruled out when it comes to {subject}" : $"We are studying {subject} very carefully",
                _ => random.Next(2) == 0 ? $"We must deliver {subject} without delay" : $"We stand ready to provide {subject}",
            };
            var reaction = random.NextDouble() < 0.1 ? $"{name} repeated the point on {subject} later that day." : null;
            return new PlannedStatement(id, actor, kind, when, credibility, statementTopics, planned, meeting, summary, quote, reaction);
        }

        private void MaybeStartMeeting(int id, DateOnly date)
        {
            if (currentMeeting is { } m && id <= m.Until) return;
            if (random.NextDouble() > 0.04) return;
            var number = ++meetingCount;
            var kind = (MeetingKind)random.Next(5);
            var people = new HashSet<int>();
            var size = random.Next(2, 7);
            while (people.Count < Math.Min(size, actorList.Count)) people.Add(PickActor().Index);
            var topic = leafTopics[random.Next(leafTopics.Count)];
            var place = SyntheticVocabulary.Countries[random.Next(SyntheticVocabulary.Countries.Length)].Name;
            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var meeting = new Meeting
            {
                Key = $"{kind.ToWire()}-{iso}-{number}", Kind = kind, Title = $"{kind} in {place} ({iso})", Date = date, DatePrecision = DatePrecision.Day,
                Place = place, Participants = people.Order().Select(p => actorList[p].Entity).ToList(), Topics = [topic],
            };
            meetings.Add(meeting);
            currentMeeting = (meeting, people, id + 60);
        }

        private void PlanDocument(int firstId, int size)
        {
            var raws = Enumerable.Range(firstId, size).Select(RawDate).ToList();
            MaybeStartMeeting(firstId, raws[0]);
            var plans = raws.Select((raw, i) => Plan(firstId + i, raw)).ToList();

            // The document quotes each statement: the offsets are taken while the text is written, so they match it.
            var outlet = random.Next(outlets.Count);
            var number = ++documentCount;
            var title = $"{outlets[outlet].Name} report {number}: {plans[0].Actor.Entity.Name} and others";
            var text = new StringBuilder(title).Append("\n\n");
            var spans = new List<(int Start, int End)[]>();
            foreach (var plan in plans)
            {
                if (random.NextDouble() < 0.5) text.Append(SyntheticVocabulary.Fillers[random.Next(SyntheticVocabulary.Fillers.Length)]).Append(' ');
                text.Append('“');
                var start = text.Length;
                text.Append(plan.Quote);
                var end = text.Length;
                text.Append(",” said ").Append(plan.Actor.Entity.Name).Append('.');
                if (plan.Reaction is null) spans.Add([(start, end)]);
                else
                {
                    text.Append(' ');
                    var reactionStart = text.Length;
                    text.Append(plan.Reaction);
                    spans.Add([(start, end), (reactionStart, text.Length)]);
                }
                text.Append(random.NextDouble() < 0.3 ? "\n\n" : " ");
            }
            var body = text.ToString();
            var sha = DocumentText.Sha256(body);
            var published = raws.Max().AddDays(random.Next(0, 3));
            SourceGrade? grade = random.NextDouble() < 0.02 ? (SourceGrade)random.Next(0, 5) : null;
            var document = new Document
            {
                Key = DocumentText.KeyOf(sha), Title = title, Outlet = outlets[outlet], Url = $"https://news.example/{outlets[outlet].Slug}/{number}",
                PublishedOn = published, RetrievedOn = published.AddDays(1), Language = "en", Text = body, Sha256 = sha,
                ReliabilityOverride = grade, ReliabilityReason = grade is null ? null : "Analyst judgement: the report relays an official transcript.",
            };
            documents.Add(document);

            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var evidence = spans[i].Select(span => new Annotation
                {
                    Key = KeyFor(++annotationCount, 0x5A5A5), Document = document, Start = span.Start, End = span.End, Exact = body[span.Start..span.End],
                    Prefix = DocumentText.PrefixAt(body, span.Start), Suffix = DocumentText.SuffixAt(body, span.End),
                }).ToList();
                document.Annotations.AddRange(evidence);
                var statement = new Statement
                {
                    Key = KeyFor(plan.Id, 0x13579), Actor = plan.Actor.Entity, Kind = plan.Kind, Date = plan.When.Value, DatePrecision = plan.When.Precision,
                    Summary = plan.Summary, Credibility = plan.Credibility, Meeting = plan.Meeting,
                    Topics = plan.Topics.Select(t => leafTopics[t]).ToList(), Evidence = evidence,
                };
                foreach (var coding in plan.Codings)
                {
                    statement.Codings.Add(new Coding { Question = questionList[coding.Question].Entity, Coder = coders[coding.Coder], Position = coding.Position, Qualifier = coding.Qualifier });
                    if (coding.SecondPosition is { } second)
                    {
                        statement.Codings.Add(new Coding
                        {
                            Question = questionList[coding.Question].Entity, Coder = coders[(coding.Coder + 1) % coders.Count], Position = second, Qualifier = coding.Qualifier,
                        });
                        secondCodings++;
                    }
                }
                codingCount += statement.Codings.Count;
                statements.Add(statement);
                statementCount++;
                PlanRelation(plan, statement);
                lastStatementOf[plan.Actor.Index] = plan.Id;
            }
        }

        private void PlanRelation(PlannedStatement plan, Statement statement)
        {
            if (plan.Id == 1 || random.NextDouble() >= 0.03) return;
            var roll = random.NextDouble();
            var type = roll < 0.4 ? RelationType.ReportsOn : roll < 0.6 ? RelationType.Clarifies : roll < 0.8 ? RelationType.Reinterprets
                : roll < 0.95 ? RelationType.Denies : RelationType.Retracts;
            var own = lastStatementOf[plan.Actor.Index];
            // Clarifying or retracting is done to one's own earlier words; the rest answers anyone's recent statement.
            var target = type is RelationType.Clarifies or RelationType.Retracts && own > 0
                ? own
                : random.Next(Math.Max(1, plan.Id - 5000), plan.Id);
            relations.Add(new StatementRelation { FromStatement = statement, Type = type, ToStatementId = target });
            relationCount++;
        }
    }
}
