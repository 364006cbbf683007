using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Corpus.Generation;

/// <summary>The target database cannot take a generated corpus (it already holds one).</summary>
public sealed class SyntheticCorpusException(string message) : Exception(message);

/// <summary>
/// Writes a realistic synthetic corpus of any size for measuring the app at scale: actors with role tenures across ~40
/// countries and two blocs, documents whose annotations quote them at exact UTF-16 offsets, statements over 2014-2026
/// with day/month/year precision (80/15/5), relations, codings whose positions drift and sometimes reverse per actor,
/// meetings, and a second coder on ~5% of codings. The schema comes from the app's own EF migrations; the rows are
/// written with prepared Microsoft.Data.Sqlite commands in large transactions. Deterministic for a given seed.
/// </summary>
public static class SyntheticCorpus
{
    public static async Task<GeneratedCorpusSummary> GenerateAsync(SyntheticCorpusOptions options, IProgress<GenerationProgress>? progress,
        CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (directory is not null) Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false }.ToString();
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (await CorpusLoader.HoldsCorpusAsync(db, cancellationToken))
                throw new SyntheticCorpusException($"The database \"{options.DatabasePath}\" already holds a corpus; generate into a new file.");
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;";
            pragmas.ExecuteNonQuery();
        }
        // A fresh file loaded in one go: the rollback journal is kept in memory while writing, then the app's WAL mode is restored.
        var summary = new Writer(connection, options, progress).Run(cancellationToken);
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        return summary;
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

    private sealed record ActorInfo(int Id, string Name, int Country);

    private sealed record StanceModel(double Base, double DriftPerYear, DateOnly? ReversedFrom);

    private sealed record PlannedCoding(int Question, int Position, int Coder, string? Qualifier, int? SecondPosition);

    private sealed record PlannedStatement(int Id, ActorInfo Actor, StatementKind Kind, PartialDate When, int Credibility, int[] Topics,
        List<PlannedCoding> Codings, int? MeetingId, string Summary, string Quote, string? Reaction);

    private sealed class Writer(SqliteConnection connection, SyntheticCorpusOptions options, IProgress<GenerationProgress>? progress)
    {
        private static readonly DateOnly First = new(2014, 1, 1);
        private static readonly DateOnly Last = new(2026, 10, 31);
        private const string Stamp = "2026-11-01 00:00:00+00:00";
        private const string Author = "generator";
        private const int StatementsPerTransaction = 50_000;

        private readonly Random random = new(options.Seed);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly List<SqlitePreparedInsert> tables = [];
        private SqliteTransaction? transaction;

        private SqlitePreparedInsert topics = null!, questions = null!, countries = null!, blocs = null!, memberships = null!, outlets = null!, coders = null!,
            actors = null!, tenures = null!, documents = null!, annotations = null!, statements = null!, evidence = null!, statementTopics = null!,
            relations = null!, codings = null!, meetings = null!, participants = null!, meetingTopics = null!;

        private readonly List<ActorInfo> actorList = [];
        private double[] actorWeights = [];
        private int[] lastStatementOf = [];
        private readonly List<int> leafTopics = [];
        private readonly Dictionary<int, List<int>> questionsByTopic = [];
        private readonly List<(int Id, string Object)> questionList = [];
        private readonly List<SourceGrade> outletGrades = [];
        private readonly Dictionary<(int Actor, int Question), StanceModel> stances = [];
        private int secondCodings;

        // The meeting statements are currently attached to: its participants' statements may be said there.
        private (int Id, HashSet<int> Participants, int Until)? currentMeeting;

        public GeneratedCorpusSummary Run(CancellationToken cancellationToken)
        {
            CreateTables();
            Begin();
            WriteReferenceData();
            var next = 1;
            var lastReport = TimeSpan.Zero;
            while (next <= options.Statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var size = Math.Min(random.Next(4, 11), options.Statements - next + 1);
                WriteDocument(next, size);
                var before = next;
                next += size;
                if ((next - 1) / StatementsPerTransaction != (before - 1) / StatementsPerTransaction) { Commit(); Begin(); }
                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(1)) { lastReport = clock.Elapsed; Report(next - 1); }
            }
            Commit();
            Report(options.Statements);
            return new GeneratedCorpusSummary(actors.Count, statements.Count, documents.Count, annotations.Count, codings.Count, secondCodings,
                relations.Count, meetings.Count, clock.Elapsed);
        }

        private void Report(int done) =>
            progress?.Report(new GenerationProgress(done, options.Statements, done / Math.Max(clock.Elapsed.TotalSeconds, 0.001), clock.Elapsed));

        private void Begin()
        {
            transaction = connection.BeginTransaction();
            foreach (var table in tables) table.Transaction = transaction;
        }

        private void Commit()
        {
            transaction?.Commit();
            transaction?.Dispose();
            transaction = null;
        }

        private SqlitePreparedInsert Add(string name, params string[] columns)
        {
            var table = new SqlitePreparedInsert(connection, name, columns);
            tables.Add(table);
            return table;
        }

        private static string[] Editable(params string[] columns) => [.. columns, "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "Version"];

        private static object?[] Edited(params object?[] values) => [.. values, Stamp, Author, Stamp, Author, 1];

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private void CreateTables()
        {
            topics = Add("Topics", "Id", "Slug", "Name", "ParentId");
            questions = Add("Questions", "Id", "Slug", "Title", "TopicId", "MinusTwoMeans", "PlusTwoMeans");
            countries = Add("Countries", "Id", "Code", "Name", "LeadingOffice", "LeadingOfficeTitle");
            blocs = Add("Blocs", "Id", "Slug", "Name");
            memberships = Add("BlocMemberships", "BlocId", "CountryId", "From", "To");
            outlets = Add("Outlets", "Id", "Slug", "Name", "Reliability");
            coders = Add("Coders", "Id", "Key", "DisplayName");
            actors = Add("Actors", Editable("Id", "Slug", "Name", "Kind", "CountryCode", "Aliases", "Note"));
            tenures = Add("RoleTenures", "ActorId", "Office", "OfficeKind", "CountryCode", "Organisation", "From", "To", "Basis");
            meetings = Add("Meetings", Editable("Id", "Key", "Kind", "Title", "Date", "DatePrecision", "Place"));
            participants = Add("MeetingParticipants", "MeetingId", "ParticipantsId");
            meetingTopics = Add("MeetingTopics", "MeetingId", "TopicsId");
            documents = Add("Documents", Editable("Id", "Key", "Title", "OutletId", "Url", "PublishedOn", "RetrievedOn", "Language", "Text", "Sha256",
                "ReliabilityOverride", "ReliabilityReason"));
            annotations = Add("Annotations", Editable("Id", "Key", "DocumentId", "Start", "End", "Exact", "Prefix", "Suffix", "Tags"));
            statements = Add("Statements", Editable("Id", "Key", "ActorId", "Kind", "Date", "DatePrecision", "Summary", "Credibility", "MeetingId",
                "KnownFrom", "SourceGrade", "SearchText"));
            evidence = Add("StatementEvidence", "EvidenceId", "StatementId");
            statementTopics = Add("StatementTopics", "StatementId", "TopicsId");
            relations = Add("StatementRelations", "FromStatementId", "Type", "ToStatementId");
            codings = Add("Codings", Editable("StatementId", "QuestionId", "CoderId", "Position", "Qualifier"));
        }

        private void WriteReferenceData()
        {
            var topicIds = new Dictionary<string, int>();
            foreach (var (slug, name, parent) in SyntheticVocabulary.Topics)
            {
                var id = topicIds.Count + 1;
                topicIds[slug] = id;
                topics.Insert(id, slug, name, parent is null ? null : topicIds[parent]);
                if (parent is not null) leafTopics.Add(id);
            }
            for (var i = 0; i < options.Questions; i++)
            {
                var q = SyntheticVocabulary.Questions[i % SyntheticVocabulary.Questions.Length];
                var round = i / SyntheticVocabulary.Questions.Length;
                var id = i + 1;
                questions.Insert(id, round == 0 ? q.Slug : $"{q.Slug}-{round + 1}", round == 0 ? q.Title : $"{q.Title} ({round + 1})",
                    topicIds[q.Topic], q.Minus, q.Plus);
                questionList.Add((id, q.Object));
                var topic = topicIds[q.Topic];
                if (!questionsByTopic.TryGetValue(topic, out var list)) questionsByTopic[topic] = list = [];
                list.Add(id);
            }

            var country = SyntheticVocabulary.Countries;
            for (var i = 0; i < country.Length; i++)
                countries.Insert(i + 1, country[i].Code, country[i].Name, country[i].Leading.ToWire(), country[i].Title);
            blocs.Insert(1, "nato", "NATO");
            blocs.Insert(2, "eu", "European Union");
            for (var i = 0; i < country.Length; i++)
            {
                if (country[i].NatoFrom is { } nato) memberships.Insert(1, i + 1, nato, null);
                if (country[i].EuFrom is { } eu) memberships.Insert(2, i + 1, eu, country[i].EuTo);
            }

            SourceGrade[] grades = [SourceGrade.A, SourceGrade.B, SourceGrade.B, SourceGrade.C, SourceGrade.C, SourceGrade.C, SourceGrade.D, SourceGrade.E, SourceGrade.F];
            for (var i = 0; i < SyntheticVocabulary.Outlets.Length; i++)
            {
                var grade = grades[i % grades.Length];
                outletGrades.Add(grade);
                outlets.Insert(i + 1, SyntheticVocabulary.Outlets[i].Slug, SyntheticVocabulary.Outlets[i].Name, grade.ToString());
            }
            coders.Insert(1, "coder-a", "Coder A");
            coders.Insert(2, "coder-b", "Coder B");
            coders.Insert(3, "coder-c", "Coder C");

            WriteActors();
        }

        private void WriteActors()
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
                var id = i + 1;
                var slug = Slug.Unique(name, taken.Contains);
                taken.Add(slug);
                actors.Insert(Edited(id, slug, name, kind.ToWire(), spec.Code, JsonSerializer.Serialize(aliases), null));
                actorList.Add(new ActorInfo(id, name, c));

                var (h1, h2) = handovers[c];
                const string basis = "Synthetic corpus: generated tenure.";
                void Tenure(string office, OfficeKind officeKind, DateOnly from, DateOnly? to) =>
                    tenures.Insert(id, office, officeKind.ToWire(), spec.Code, null, Iso(from), to is { } t ? Iso(t) : null, basis);
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
            if (!stances.TryGetValue((actor.Id, question), out var model))
            {
                model = new StanceModel(random.NextDouble() * 4 - 2, (random.NextDouble() - 0.5) * 0.5,
                    random.NextDouble() < 0.15 ? First.AddDays(random.Next(Last.DayNumber - First.DayNumber)) : null);
                stances[(actor.Id, question)] = model;
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
            var credibility = credibilities[random.Next(credibilities.Length)];
            var topic = leafTopics[random.Next(leafTopics.Count)];
            int[] statementTopicIds = random.NextDouble() < 0.2 ? [topic, leafTopics[random.Next(leafTopics.Count)]] : [topic];
            statementTopicIds = statementTopicIds.Distinct().ToArray();

            var wanted = 1 + (random.NextDouble() < 0.5 ? 1 : 0) + (random.NextDouble() < 0.2 ? 1 : 0);
            var chosen = new List<int>();
            var onTopic = statementTopicIds.SelectMany(t => questionsByTopic.GetValueOrDefault(t) ?? []).ToList();
            if (onTopic.Count > 0) chosen.Add(onTopic[random.Next(onTopic.Count)]);
            while (chosen.Count < Math.Min(wanted, questionList.Count))
            {
                var q = questionList[random.Next(questionList.Count)].Id;
                if (!chosen.Contains(q)) chosen.Add(q);
            }
            var planned = chosen.Select(q =>
            {
                var position = PositionOf(actor, q, when.Value);
                var coder = random.Next(1, 4);
                var qualifier = random.NextDouble() < 0.03 ? Qualifiers[random.Next(Qualifiers.Length)] : null;
                int? second = random.NextDouble() < 0.05 ? Math.Clamp(position + random.Next(-1, 2), -2, 2) : null;
                return new PlannedCoding(q, position, coder, qualifier, second);
            }).ToList();

            int? meeting = null;
            if (currentMeeting is { } m && id <= m.Until && m.Participants.Contains(actor.Id) && random.NextDouble() < 0.7) meeting = m.Id;

            var main = planned[0];
            var subject = questionList[main.Question - 1].Object;
            var verbs = main.Position switch
            {
                <= -1 => new[] { "ruled out", "warned against" },
                0 => ["hesitated over", "questioned", "signalled openness to"],
                _ => ["called for", "welcomed", "pressed allies on"],
            };
            var term = SyntheticVocabulary.Terms[random.Next(SyntheticVocabulary.Terms.Length)];
            var summary = $"{actor.Name} {verbs[random.Next(verbs.Length)]} {subject} after talks on {term}.";
            var quote = main.Position switch
            {
                <= -1 => random.Next(2) == 0 ? $"We will not go down the road of {subject}" : $"There can be no question of {subject} today",
                0 => random.Next(2) == 0 ? $"Nothing is ruled out when it comes to {subject}" : $"We are studying {subject} very carefully",
                _ => random.Next(2) == 0 ? $"We must deliver {subject} without delay" : $"We stand ready to provide {subject}",
            };
            var reaction = random.NextDouble() < 0.1 ? $"{actor.Name} repeated the point on {subject} later that day." : null;
            return new PlannedStatement(id, actor, kind, when, credibility, statementTopicIds, planned, meeting, summary, quote, reaction);
        }

        private void MaybeStartMeeting(int id, DateOnly date)
        {
            if (currentMeeting is { } m && id <= m.Until) return;
            if (random.NextDouble() > 0.04) return;
            var meetingId = meetings.Count + 1;
            var kind = (MeetingKind)random.Next(5);
            var people = new HashSet<int>();
            var size = random.Next(2, 7);
            while (people.Count < Math.Min(size, actorList.Count)) people.Add(PickActor().Id);
            var topic = leafTopics[random.Next(leafTopics.Count)];
            var place = SyntheticVocabulary.Countries[random.Next(SyntheticVocabulary.Countries.Length)].Name;
            meetings.Insert(Edited(meetingId, $"{kind.ToWire()}-{Iso(date)}-{meetingId}", kind.ToWire(), $"{kind} in {place} ({Iso(date)})", Iso(date),
                DatePrecision.Day.ToWire(), place));
            foreach (var person in people.Order()) participants.Insert(meetingId, person);
            meetingTopics.Insert(meetingId, topic);
            currentMeeting = (meetingId, people, id + 60);
        }

        private void WriteDocument(int firstId, int size)
        {
            var raws = Enumerable.Range(firstId, size).Select(RawDate).ToList();
            MaybeStartMeeting(firstId, raws[0]);
            var plans = raws.Select((raw, i) => Plan(firstId + i, raw)).ToList();

            // The document quotes each statement: the offsets are taken while the text is written, so they match it.
            var outlet = random.Next(SyntheticVocabulary.Outlets.Length);
            var documentId = documents.Count + 1;
            var title = $"{SyntheticVocabulary.Outlets[outlet].Name} report {documentId}: {plans[0].Actor.Name} and others";
            var text = new StringBuilder(title).Append("\n\n");
            var spans = new List<(int Start, int End)[]>();
            foreach (var plan in plans)
            {
                if (random.NextDouble() < 0.5) text.Append(SyntheticVocabulary.Fillers[random.Next(SyntheticVocabulary.Fillers.Length)]).Append(' ');
                text.Append('“');
                var start = text.Length;
                text.Append(plan.Quote);
                var end = text.Length;
                text.Append(",” said ").Append(plan.Actor.Name).Append('.');
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
            documents.Insert(Edited(documentId, DocumentText.KeyOf(sha), title, outlet + 1,
                $"https://news.example/{SyntheticVocabulary.Outlets[outlet].Slug}/{documentId}", Iso(published), Iso(published.AddDays(1)), "en",
                body, sha, grade?.ToString(), grade is null ? null : "Analyst judgement: the report relays an official transcript."));
            // As Statement.SummariseEvidence computes them from this one document.
            var effective = grade ?? outletGrades[outlet];

            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                var annotationIds = new List<int>();
                var exacts = new List<string>();
                foreach (var (start, end) in spans[i])
                {
                    var annotationId = annotations.Count + 1;
                    var exact = body[start..end];
                    annotations.Insert(Edited(annotationId, KeyFor(annotationId, 0x5A5A5), documentId, start, end, exact,
                        DocumentText.PrefixAt(body, start), DocumentText.SuffixAt(body, end), "[]"));
                    annotationIds.Add(annotationId);
                    exacts.Add(exact);
                }
                var searchText = string.Join('\n', exacts.Prepend(plan.Summary));
                statements.Insert(Edited(plan.Id, KeyFor(plan.Id, 0x13579), plan.Actor.Id, plan.Kind.ToWire(), Iso(plan.When.Value),
                    plan.When.Precision.ToWire(), plan.Summary, plan.Credibility, plan.MeetingId, Iso(published), effective.ToString(), searchText));
                foreach (var annotationId in annotationIds) evidence.Insert(annotationId, plan.Id);
                foreach (var topic in plan.Topics) statementTopics.Insert(plan.Id, topic);
                foreach (var coding in plan.Codings)
                {
                    codings.Insert(Edited(plan.Id, coding.Question, coding.Coder, coding.Position, coding.Qualifier));
                    if (coding.SecondPosition is { } second)
                    {
                        codings.Insert(Edited(plan.Id, coding.Question, coding.Coder % 3 + 1, second, coding.Qualifier));
                        secondCodings++;
                    }
                }
                WriteRelation(plan);
                lastStatementOf[plan.Actor.Id - 1] = plan.Id;
            }
        }

        private void WriteRelation(PlannedStatement plan)
        {
            if (plan.Id == 1 || random.NextDouble() >= 0.03) return;
            var roll = random.NextDouble();
            var type = roll < 0.4 ? RelationType.ReportsOn : roll < 0.6 ? RelationType.Clarifies : roll < 0.8 ? RelationType.Reinterprets
                : roll < 0.95 ? RelationType.Denies : RelationType.Retracts;
            var own = lastStatementOf[plan.Actor.Id - 1];
            // Clarifying or retracting is done to one's own earlier words; the rest answers anyone's recent statement.
            var target = type is RelationType.Clarifies or RelationType.Retracts && own > 0
                ? own
                : random.Next(Math.Max(1, plan.Id - 5000), plan.Id);
            relations.Insert(plan.Id, type.ToWire(), target);
        }
    }
}
