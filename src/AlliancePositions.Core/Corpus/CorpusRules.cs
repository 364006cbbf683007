using System.Globalization;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Corpus;

/// <summary>
/// The checks a schema cannot express: every reference names a record that exists, keys are unique, offsets lie in
/// the text and quotes match it, dates are real calendar dates that fit their precision. Collects every problem.
/// </summary>
internal sealed class CorpusRules(CorpusFile corpus, string fileName, DateOnly today)
{
    private readonly List<CorpusProblem> problems = [];

    public IReadOnlyList<CorpusProblem> Problems => problems;

    public void Check(Func<CorpusDocument, string?> resolveText)
    {
        var topics = Keys(corpus.Topics, t => t.Slug, "topics", "slug");
        var questions = Keys(corpus.Questions, q => q.Slug, "questions", "slug");
        var countries = Keys(corpus.Countries, c => c.Code.ToUpperInvariant(), "countries", "code");
        Keys(corpus.Blocs, b => b.Slug, "blocs", "slug");
        var outlets = Keys(corpus.Outlets, o => o.Slug, "outlets", "slug");
        var coders = Keys(corpus.Coders, c => c.Key, "coders", "key");
        var actors = Keys(corpus.Actors, a => a.Slug, "actors", "slug");
        var documents = Keys(corpus.Documents, d => d.Key, "documents", "key");
        var meetings = Keys(corpus.Meetings, m => m.Key, "meetings", "key");
        var statements = Keys(corpus.Statements, s => s.Key, "statements", "key");
        var annotations = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < corpus.Topics.Count; i++)
            Reference(topics, corpus.Topics[i].Parent, $"$.topics[{i}].parent", "topic");
        for (var i = 0; i < corpus.Questions.Count; i++)
            Reference(topics, corpus.Questions[i].Topic, $"$.questions[{i}].topic", "topic");
        CheckBlocs(countries);
        CheckActors(countries);
        for (var i = 0; i < corpus.Documents.Count; i++)
            CheckDocument(corpus.Documents[i], $"$.documents[{i}]", outlets, annotations, resolveText);
        CheckMeetings(actors, topics, documents);
        CheckStatements(actors, topics, annotations, meetings, statements, questions, coders);
    }

    private HashSet<string> Keys<T>(List<T> items, Func<T, string> key, string collection, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
            if (!seen.Add(key(items[i])))
                Add($"$.{collection}[{i}].{field}", $"duplicate key \"{key(items[i])}\": keys must be unique within {collection}");
        return seen;
    }

    private void Reference(HashSet<string> known, string? key, string path, string what)
    {
        if (key is not null && !known.Contains(key)) Add(path, $"unknown {what} \"{key}\"");
    }

    private void References(HashSet<string> known, List<string>? keys, string path, string what)
    {
        for (var i = 0; i < (keys?.Count ?? 0); i++) Reference(known, keys![i], $"{path}[{i}]", what);
    }

    private void CheckBlocs(HashSet<string> countries)
    {
        for (var i = 0; i < corpus.Blocs.Count; i++)
        {
            var members = corpus.Blocs[i].Members ?? [];
            for (var j = 0; j < members.Count; j++)
            {
                var path = $"$.blocs[{i}].members[{j}]";
                Reference(countries, members[j].Country.ToUpperInvariant(), path + ".country", "country");
                Period(members[j].From, members[j].To, path);
            }
        }
    }

    private void CheckActors(HashSet<string> countries)
    {
        for (var i = 0; i < corpus.Actors.Count; i++)
        {
            var actor = corpus.Actors[i];
            Reference(countries, actor.Country?.ToUpperInvariant(), $"$.actors[{i}].country", "country");
            var roles = actor.Roles ?? [];
            for (var j = 0; j < roles.Count; j++)
            {
                var path = $"$.actors[{i}].roles[{j}]";
                Reference(countries, roles[j].Country?.ToUpperInvariant(), path + ".country", "country");
                Period(roles[j].From, roles[j].To, path);
            }
        }
    }

    private void CheckDocument(CorpusDocument document, string path, HashSet<string> outlets, HashSet<string> annotations,
        Func<CorpusDocument, string?> resolveText)
    {
        Reference(outlets, document.Outlet, path + ".outlet", "outlet");
        References(outlets, document.Cites, path + ".cites", "outlet");
        var published = Date(document.PublishedOn, path + ".publishedOn");
        var retrieved = Date(document.RetrievedOn, path + ".retrievedOn");
        if (published is { } p && retrieved is { } r && r < p) Add(path + ".retrievedOn", $"retrieved {r:yyyy-MM-dd}, before it was published on {p:yyyy-MM-dd}");
        if (document.Url is { Length: > 0 } url && !InputRules.IsWebAddress(url)) Add(path + ".url", $"\"{url}\" is not an http or https address");
        if (document.ReliabilityOverride is not null && string.IsNullOrWhiteSpace(document.ReliabilityReason))
            Add(path + ".reliabilityReason", "an analyst's reliability override needs its reason");

        var text = resolveText(document);
        if (text is null)
        {
            if (document.TextFile is not null) Add(path + ".textFile", $"the text file \"{document.TextFile}\" was not found beside the corpus file");
            return;
        }
        if (document.TextFile is not null && InputRules.NotText(text) is { } notText) Add(path + ".textFile", "the text " + notText.TrimEnd('.'));
        var sha = DocumentText.Sha256(text);
        if (document.Sha256 is not null && document.Sha256 != sha) Add(path + ".sha256", $"does not match the text, whose SHA-256 is {sha}");
        if (document.Key != DocumentText.KeyOf(sha)) Add(path + ".key", $"must be the first 12 hex digits of the text's SHA-256: \"{DocumentText.KeyOf(sha)}\"");
        var items = document.Annotations ?? [];
        for (var j = 0; j < items.Count; j++) CheckAnnotation(items[j], text, $"{path}.annotations[{j}]", annotations);
    }

    private void CheckAnnotation(CorpusAnnotation annotation, string text, string path, HashSet<string> annotations)
    {
        if (!annotations.Add(annotation.Key)) Add(path + ".key", $"duplicate key \"{annotation.Key}\": annotation keys must be unique in the corpus");
        if (DocumentText.CheckSpan(text, annotation.Start, annotation.End, annotation.Exact) is { } spanProblem)
        {
            Add(path + (annotation.Start < 0 || annotation.End > text.Length || annotation.Start >= annotation.End ? ".end" : ".exact"), spanProblem);
            return;
        }
        if (annotation.Prefix is not null && annotation.Prefix != DocumentText.PrefixAt(text, annotation.Start))
            Add(path + ".prefix", $"does not match the text before the quote: \"{DocumentText.PrefixAt(text, annotation.Start)}\"");
        if (annotation.Suffix is not null && annotation.Suffix != DocumentText.SuffixAt(text, annotation.End))
            Add(path + ".suffix", $"does not match the text after the quote: \"{DocumentText.SuffixAt(text, annotation.End)}\"");
    }

    private void CheckMeetings(HashSet<string> actors, HashSet<string> topics, HashSet<string> documents)
    {
        for (var i = 0; i < corpus.Meetings.Count; i++)
        {
            var meeting = corpus.Meetings[i];
            var path = $"$.meetings[{i}]";
            DateWithPrecision(meeting.Date, meeting.DatePrecision, path);
            References(actors, meeting.Participants, path + ".participants", "actor");
            References(topics, meeting.Topics, path + ".topics", "topic");
            References(documents, meeting.ReportedIn, path + ".reportedIn", "document");
        }
    }

    private void CheckStatements(HashSet<string> actors, HashSet<string> topics, HashSet<string> annotations, HashSet<string> meetings,
        HashSet<string> statements, HashSet<string> questions, HashSet<string> coders)
    {
        for (var i = 0; i < corpus.Statements.Count; i++)
        {
            var statement = corpus.Statements[i];
            var path = $"$.statements[{i}]";
            Reference(actors, statement.Actor, path + ".actor", "actor");
            DateWithPrecision(statement.Date, statement.DatePrecision, path);
            References(topics, statement.Topics, path + ".topics", "topic");
            References(annotations, statement.Evidence, path + ".evidence", "annotation");
            Reference(meetings, statement.Meeting, path + ".meeting", "meeting");
            var relations = statement.Relations ?? [];
            for (var j = 0; j < relations.Count; j++)
            {
                Reference(statements, relations[j].Statement, $"{path}.relations[{j}].statement", "statement");
                if (relations[j].Statement == statement.Key) Add($"{path}.relations[{j}].statement", "a statement cannot relate to itself");
            }
            CheckCodings(statement.Codings ?? [], path, questions, coders);
        }
    }

    private void CheckCodings(List<CorpusCoding> codings, string path, HashSet<string> questions, HashSet<string> coders)
    {
        var seen = new HashSet<(string, string)>();
        for (var j = 0; j < codings.Count; j++)
        {
            var coding = codings[j];
            var codingPath = $"{path}.codings[{j}]";
            Reference(questions, coding.Question, codingPath + ".question", "question");
            Reference(coders, coding.Coder, codingPath + ".coder", "coder");
            if (coding.Position is < -2 or > 2) Add(codingPath + ".position", $"position {coding.Position} is outside -2..+2");
            if (!seen.Add((coding.Question, coding.Coder)))
                Add(codingPath, $"coder \"{coding.Coder}\" codes question \"{coding.Question}\" twice on this statement: one coding per coder and question");
        }
    }

    private void DateWithPrecision(string text, string precisionText, string path)
    {
        if (Date(text, path + ".date") is not { } date || !WireNames.TryParse<DatePrecision>(precisionText, out var precision)) return;
        if (PartialDate.Create(date, precision).Value != date)
            Add(path + ".date", precision == DatePrecision.Month
                ? $"a month-precision date is written as the 1st of its month: \"{date:yyyy-MM}-01\""
                : $"a year-precision date is written as 1 January: \"{date:yyyy}-01-01\"");
    }

    private void Period(string from, string? to, string path)
    {
        var start = Date(from, path + ".from");
        var end = Date(to, path + ".to");
        if (start is { } s && end is { } e && e <= s) Add(path + ".to", $"ends on {e:yyyy-MM-dd}, not after it starts on {s:yyyy-MM-dd}");
    }

    private DateOnly? Date(string? text, string path)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(path, $"\"{text}\" is not a real calendar date (YYYY-MM-DD)");
            return null;
        }
        if (date > today) Add(path, $"{text} is in the future");
        else if (!SupportedDates.Contains(date)) Add(path, SupportedDates.OutOfRange("the date", date));
        return date;
    }

    private void Add(string path, string message) => problems.Add(new CorpusProblem(fileName, path, message));
}
