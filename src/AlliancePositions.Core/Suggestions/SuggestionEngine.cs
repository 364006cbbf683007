using System.Globalization;
using System.Text.RegularExpressions;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Suggestions;

/// <summary>
/// Reads a text and proposes statements: direct quotes with their speaker, "X said that ...", "according to X, ...",
/// actions ("X approved ..."), and transcript turns ("SCHOLZ: ..."), each with the speaker read through the actor
/// directory on the publication date, a date with precision and the words that gave it, ranked questions and a
/// confidence. Pure and deterministic: the same text, date and directory give the same suggestions.
/// </summary>
public sealed partial class SuggestionEngine(SuggestionDirectory directory)
{
    /// <summary>Suggestions below this confidence are hidden unless the analyst asks for low-confidence ones too.</summary>
    public const double DefaultThreshold = 0.5;

    private readonly QuestionRanker ranker = new(directory);

    public IReadOnlyList<SuggestedStatement> Suggest(string text, DateOnly published)
    {
        var reading = new Reading(text, SentenceSplitter.Split(text).ToList(), new ActorLexicon(directory, published), new DateResolver(published), directory);
        var drafts = reading.FindDrafts();
        reading.ResolveDates(drafts);
        return drafts
            .SelectMany(d => d.Speakers.Select(s => ToSuggestion(text, d, s)))
            .GroupBy(s => s.Fingerprint).Select(g => g.OrderByDescending(s => s.Confidence).First())
            .OrderBy(s => s.Span.Start).ThenBy(s => s.Span.End).ThenBy(s => s.ActorSlug ?? s.SpeakerMention?.Exact, StringComparer.Ordinal)
            .ToList();
    }

    private SuggestedStatement ToSuggestion(string text, Draft draft, Speaker speaker)
    {
        var confidence = draft.BaseConfidence + speaker.ConfidenceDelta + (draft.DateBasis is null ? -0.05 : 0);
        var mention = speaker.Actor is null ? new TextSpan(speaker.Mention.Start, speaker.Mention.End, text[speaker.Mention.Start..speaker.Mention.End]) : null;
        return new SuggestedStatement(new TextSpan(draft.Start, draft.End, text[draft.Start..draft.End]), speaker.Actor, mention, draft.Kind,
            draft.Date, draft.DateEvidence, ranker.Rank(text[draft.Context.Start..draft.Context.End]),
            Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2));
    }

    internal sealed record Speaker(string? Actor, Mention Mention, double ConfidenceDelta, bool IsPerson);

    internal sealed class Draft(int start, int end, StatementKind kind, IReadOnlyList<Speaker> speakers, double baseConfidence, Sentence first, Sentence last)
    {
        public int Start { get; } = start;
        public int End { get; } = end;
        public StatementKind Kind { get; } = kind;
        public IReadOnlyList<Speaker> Speakers { get; } = speakers;
        public double BaseConfidence { get; } = baseConfidence;
        public Sentence Context { get; } = new(first.Start, last.End, first.Paragraph);
        public Sentence First { get; } = first;
        public bool PresentTense { get; init; }
        public bool IsTurn { get; init; }
        public IReadOnlyList<string> OtherActors { get; init; } = [];
        public PartialDate Date { get; set; }
        public string DateEvidence { get; set; } = "";
        public DateBasis? DateBasis { get; set; }
    }

    [GeneratedRegex(@"\b[Aa]ccording to\s+")]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"^(?<label>[A-Z][\p{L}.'’ -]{0,40}?)\s*:[ \t]+(?<turn>\S[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"\G\s*(?:,\s*and\s+|,\s*|\s+and\s+)")]
    private static partial Regex Coordination();

    [GeneratedRegex(@"\G\s*,[^,.;“”""]{1,60},")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\G(?:’s|'s)\b")]
    private static partial Regex Possessive();

    private static readonly HashSet<string> NonSpeakerLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Q", "A", "Question", "Moderator", "Reporter", "Interviewer", "Host", "Journalist", "Audience", "Note", "Source", "Date", "Title",
        "Published", "Location", "Subject", "Transcript", "Updated", "Editor's note", "Photo", "Read more",
    };

    private sealed class Reading(string text, List<Sentence> sentences, ActorLexicon lexicon, DateResolver dates, SuggestionDirectory directory)
    {
        private readonly Dictionary<int, DateMatch?> stated = [];
        private Speaker[] lastSpeakers = [];
        private int lastSpeakerParagraph = -10;
        private readonly List<(int At, string Actor)> named = [];

        /// <summary>A transcript's date line ("Press conference, 26 February 2024"): the day of every turn that names none.</summary>
        private DateMatch? transcriptDate;

        public List<Draft> FindDrafts()
        {
            var drafts = new List<Draft>();
            var turns = SpeakerLabel().Matches(text).Where(m => m.Groups["label"].Value.Split(' ').Length <= 5).ToList();
            var transcript = turns.Count >= 2;
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                stated[i] = dates.Find(sentence.Of(text), sentence.Start);
                foreach (var m in lexicon.All(text, sentence.Start, sentence.End))
                    if (m.Kind == MentionKind.Name && m.Candidates.Count == 1) named.Add((m.Start, m.Candidates[0]));
                if (transcript && sentence.End <= turns[0].Index && transcriptDate is null && stated[i] is { Basis: DateBasis.Stated, Date.Precision: DatePrecision.Day } header)
                    transcriptDate = header with { Evidence = $"the transcript's date: “{header.Evidence}”" };
                if (transcript && turns.FirstOrDefault(t => t.Index <= sentence.Start && sentence.Start < t.Index + t.Length) is { } turn)
                {
                    if (TurnDraft(turn, sentence, ref i) is { } t) drafts.Add(t);
                    continue;
                }
                if (QuoteDraft(sentence, ref i) is { } quote) { drafts.Add(quote); continue; }
                if (SentenceDraft(sentence) is { } draft) drafts.Add(draft);
            }
            return drafts;
        }

        /// <summary>A labelled turn of a transcript: the whole turn is the speaker's words.</summary>
        private Draft? TurnDraft(Match turn, Sentence sentence, ref int i)
        {
            var body = turn.Groups["turn"];
            var last = i;
            while (last + 1 < sentences.Count && sentences[last + 1].Start < turn.Index + turn.Length) { last++; stated[last] = dates.Find(sentences[last].Of(text), sentences[last].Start); }
            var first = sentence;
            i = last;
            var label = turn.Groups["label"];
            if (NonSpeakerLabels.Contains(label.Value.Trim())) { lastSpeakers = []; return null; }
            var readable = label.Value.Any(char.IsLower) ? label.Value : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.Value.ToLowerInvariant());
            var shifted = text[..label.Index] + readable + text[(label.Index + label.Length)..];
            var mention = lexicon.All(shifted, label.Index, label.Index + label.Length).FirstOrDefault(m => m.Kind is not MentionKind.Outlet);
            var speaker = mention is null
                ? new Speaker(null, new Mention(label.Index, label.Index + label.Length, MentionKind.Unnamed, []), -0.15, false)
                : Resolve(mention with { Start = label.Index, End = label.Index + label.Length }, first.Paragraph);
            if (speaker is null) return null;
            Remember([speaker], first.Paragraph);
            var end = body.Index + body.Value.TrimEnd().Length;
            return new Draft(body.Index, end, StatementKind.Quote, [speaker], 0.9, first, sentences[last]) { IsTurn = true };
        }

        /// <summary>Words in quotation marks (four or more) with a speaker named around them: the quoted words.</summary>
        private Draft? QuoteDraft(Sentence sentence, ref int i)
        {
            var open = text.IndexOfAny(['“', '"'], sentence.Start, sentence.End - sentence.Start);
            if (open < 0) return null;
            var close = text.IndexOf(text[open] == '“' ? '”' : '"', open + 1);
            var paragraphEnd = text.IndexOf('\n', open);
            if (close < 0 || (paragraphEnd >= 0 && close > paragraphEnd)) return null;
            var inner = (Start: open + 1, End: close);
            while (inner.End > inner.Start && (char.IsWhiteSpace(text[inner.End - 1]) || text[inner.End - 1] == ',')) inner.End--;
            if (text[inner.Start..inner.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4) return null;
            var last = i;
            while (last + 1 < sentences.Count && sentences[last].End <= close) last++;
            var speakers = AccordingToSpeakers(sentences[i], out _) ?? AfterQuoteSpeakers(close + 1, sentences[last].End)
                ?? SubjectSpeakers(sentence, out _, out _);
            if (speakers is null) return null;
            for (var k = i + 1; k <= last; k++) stated[k] = dates.Find(sentences[k].Of(text), sentences[k].Start);
            var draft = new Draft(inner.Start, inner.End, StatementKind.Quote, speakers, 0.9, sentence, sentences[last]) { OtherActors = OtherActors(sentence, speakers) };
            i = last;
            return draft;
        }

        /// <summary>"According to X, ...", or "X (adverbs) said that ...", or "X approved ...".</summary>
        private Draft? SentenceDraft(Sentence sentence)
        {
            var body = (Start: sentence.Start, End: sentence.End);
            while (body.End > body.Start && text[body.End - 1] is '.' or '!' or '?' or ';') body.End--;
            if (AccordingToSpeakers(sentence, out var clause) is { } reported)
                return new Draft(clause.Start, clause.End, StatementKind.Reported, reported, 0.85, sentence, sentence) { OtherActors = OtherActors(sentence, reported) };
            if (SubjectSpeakers(sentence, out var verb, out var verbEnd) is not { } speakers) return null;
            var start = body.Start;
            if (verb!.IsSpeech && ThatClause(verbEnd, body.End) is { } that) start = that;
            var kind = verb.IsSpeech ? StatementKind.Reported : StatementKind.Action;
            return new Draft(start, body.End, kind, speakers, verb.IsSpeech ? 0.85 : 0.7, sentence, sentence)
            {
                PresentTense = verb.IsPresent, OtherActors = OtherActors(sentence, speakers),
            };
        }

        private int? ThatClause(int from, int to)
        {
            var window = text[from..Math.Min(to, from + 60)];
            var at = window.IndexOf(" that ", StringComparison.Ordinal);
            return at < 0 ? null : from + at + 6;
        }

        private Speaker[]? AccordingToSpeakers(Sentence sentence, out (int Start, int End) clause)
        {
            clause = default;
            var match = AccordingTo().Match(text, sentence.Start, sentence.End - sentence.Start);
            if (!match.Success || lexicon.At(text, match.Index + match.Length) is not { } mention || mention.Kind == MentionKind.Outlet) return null;
            var speakers = Speakers(mention, sentence.Paragraph);
            if (speakers is null) return null;
            var end = sentence.End;
            while (end > sentence.Start && text[end - 1] is '.' or '!' or '?') end--;
            var opening = text[sentence.Start..match.Index].Trim().Length == 0;
            if (opening)
            {
                var comma = text.IndexOf(',', mention.End, sentence.End - mention.End);
                if (comma < 0) return null;
                clause = (comma + 1 + CountSpaces(comma + 1), end);
            }
            else
            {
                var before = match.Index;
                while (before > sentence.Start && text[before - 1] is ',' or ' ') before--;
                clause = (sentence.Start, before);
            }
            if (clause.End - clause.Start < 10) return null;
            Remember(speakers, sentence.Paragraph);
            return speakers;
        }

        private int CountSpaces(int at)
        {
            var n = 0;
            while (at + n < text.Length && text[at + n] == ' ') n++;
            return n;
        }

        /// <summary>"..., Scholz said" / "..., said Scholz" / "..., he told reporters" right after a closing quote.</summary>
        private Speaker[]? AfterQuoteSpeakers(int from, int to)
        {
            var at = from;
            while (at < to && (char.IsWhiteSpace(text[at]) || text[at] == ',')) at++;
            if (at >= to) return null;
            var paragraph = sentences.First(s => s.End >= at).Paragraph;
            if (lexicon.At(text, at) is { Kind: not MentionKind.Outlet } mention && NextWordIsVerb(mention.End, to, out _))
                return Speakers(mention, paragraph) is { } s ? Remember(s, paragraph) : null;
            var word = NextWord(at, to);
            if (word is not null && ReportingVerbs.TryFind(word.Value.Word, out var verb) && verb.IsSpeech)
            {
                var next = word.Value.End + CountSpaces(word.Value.End);
                if (lexicon.At(text, next) is { Kind: not MentionKind.Outlet } after) return Speakers(after, paragraph) is { } s ? Remember(s, paragraph) : null;
            }
            return null;
        }

        /// <summary>The subject at the start of the sentence (or after an opening phrase and comma) followed closely by a reporting verb.</summary>
        private Speaker[]? SubjectSpeakers(Sentence sentence, out ReportingVerb? verb, out int verbEnd)
        {
            verb = null;
            verbEnd = 0;
            foreach (var start in ClauseStarts(sentence))
            {
                if (SubjectAt(start, sentence.End) is not { } subject) continue;
                var at = subject[^1].End;
                if (Possessive().Match(text, at) is { Success: true }) continue;
                if (Parenthetical().Match(text, at) is { Success: true } aside && aside.Index == at) at += aside.Length;
                if (!NextWordIsVerb(at, sentence.End, out var found, words: 8)) continue;
                (verb, verbEnd) = found;
                var speakers = subject.Select(m => Speakers(m, sentence.Paragraph)).Where(s => s is not null).SelectMany(s => s!).ToArray();
                if (speakers.Length == 0) return null;
                return Remember(speakers, sentence.Paragraph);
            }
            return null;
        }

        private IEnumerable<int> ClauseStarts(Sentence sentence)
        {
            var at = sentence.Start;
            while (at < sentence.End && (char.IsWhiteSpace(text[at]) || text[at] is '“' or '"' or '(')) at++;
            yield return at;
            var comma = text.IndexOf(',', sentence.Start, sentence.End - sentence.Start);
            if (comma > 0 && text[sentence.Start..comma].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6)
                yield return comma + 1 + CountSpaces(comma + 1);
        }

        /// <summary>One mention, or several joined by "and" ("Blinken and Macron"); a title before a name belongs to it.</summary>
        private List<Mention>? SubjectAt(int at, int end)
        {
            var first = lexicon.At(text, at);
            if (first is null)
            {
                // "US Secretary of State Antony Blinken": skip up to five title words to the name.
                var probe = at;
                for (var words = 0; words < 5 && first is null; words++)
                {
                    var word = NextWord(probe, end);
                    if (word is null || !(char.IsUpper(word.Value.Word[0]) || word.Value.Word is "of" or "for")) return null;
                    probe = word.Value.End + CountSpaces(word.Value.End);
                    first = lexicon.At(text, probe) is { Kind: MentionKind.Name } name ? name with { Start = at } : null;
                }
                if (first is null) return null;
            }
            if (first.Kind == MentionKind.Outlet) return null;
            var subject = new List<Mention> { first };
            while (Coordination().Match(text, subject[^1].End) is { Success: true } and && and.Index == subject[^1].End
                   && lexicon.At(text, and.Index + and.Length) is { Kind: not MentionKind.Outlet } next)
                subject.Add(next);
            return subject;
        }

        private bool NextWordIsVerb(int at, int end, out (ReportingVerb Verb, int End) found, int words = 2)
        {
            found = default;
            for (var n = 0; n < words; n++)
            {
                if (NextWord(at, end) is not { } word) return false;
                if (ReportingVerbs.TryFind(word.Word, out var verb)) { found = (verb, word.End); return true; }
                if (text.IndexOfAny(['.', ';', ':', '“', '"'], at, word.End - at) >= 0) return false;
                at = word.End;
            }
            return false;
        }

        private (string Word, int End)? NextWord(int at, int end)
        {
            while (at < end && !char.IsLetter(text[at])) at++;
            if (at >= end) return null;
            var start = at;
            while (at < end && (char.IsLetter(text[at]) || text[at] is '-' or '.') && !(text[at] == '.' && (at + 1 >= end || !char.IsLetter(text[at + 1])))) at++;
            return (text[start..at], at);
        }

        private Speaker[] Remember(Speaker[] speakers, int paragraph)
        {
            if (speakers.Any(s => s.Mention.Kind != MentionKind.Pronoun)) (lastSpeakers, lastSpeakerParagraph) = (speakers, paragraph);
            return speakers;
        }

        private Speaker[]? Speakers(Mention mention, int paragraph) => mention.Kind == MentionKind.Pronoun
            ? PronounSpeakers(mention, paragraph)
            : Resolve(mention, paragraph) is { } speaker ? [speaker] : null;

        /// <summary>"He" or "she" is the person who spoke in the sentence before (this paragraph or the one before); "they" whoever did.</summary>
        private Speaker[]? PronounSpeakers(Mention mention, int paragraph)
        {
            if (paragraph - lastSpeakerParagraph > 1 || lastSpeakers.Length == 0) return null;
            var plural = text[mention.Start..mention.End].Equals("they", StringComparison.OrdinalIgnoreCase);
            var candidates = plural ? lastSpeakers : lastSpeakers.Length == 1 && (lastSpeakers[0].IsPerson || lastSpeakers[0].Actor is null) ? lastSpeakers : [];
            return candidates.Length == 0 ? null
                : candidates.Select(s => s with { Mention = s.Actor is null ? s.Mention : mention, ConfidenceDelta = s.ConfidenceDelta - 0.1 }).ToArray();
        }

        private Speaker? Resolve(Mention mention, int paragraph)
        {
            switch (mention.Kind)
            {
                case MentionKind.Name when mention.Candidates.Count == 1:
                    return Known(mention.Candidates[0], mention, 0);
                case MentionKind.Title or MentionKind.Name when mention.Candidates.Count > 1:
                    // An ambiguous title ("the president") means the holder named most recently before it, if any.
                    var recent = named.Where(n => n.At < mention.Start && mention.Candidates.Contains(n.Actor)).Select(n => n.Actor).LastOrDefault();
                    return recent is null ? new Speaker(null, mention, -0.2, false) : Known(recent, mention, -0.1);
                case MentionKind.Title when mention.Candidates.Count == 1:
                    return Known(mention.Candidates[0], mention, -0.05);
                case MentionKind.Unnamed:
                    return mention.Candidates.Count == 1 ? Known(mention.Candidates[0], mention, -0.05) : new Speaker(null, mention, -0.15, false);
                default:
                    return null;
            }
        }

        private Speaker Known(string slug, Mention mention, double delta) =>
            new(slug, mention, delta, lexicon.Actor(slug).Kind == Actors.ActorKind.Person);

        private List<string> OtherActors(Sentence sentence, IReadOnlyList<Speaker> speakers) =>
            lexicon.All(text, sentence.Start, sentence.End).Where(m => m.Candidates.Count == 1).Select(m => m.Candidates[0])
                .Concat(speakers.Where(s => s.Actor is not null).Select(s => s.Actor!)).Distinct().ToList();

        /// <summary>
        /// In reading order, each passage takes: a date it states; for "at that time" the date just told; a known
        /// meeting of two or more of the actors it names; the stated date of a passage by the same speaker with the
        /// same people; the date told earlier in the paragraph; else the publication day (present tense) or month.
        /// </summary>
        public void ResolveDates(List<Draft> drafts)
        {
            var bySentence = drafts.ToLookup(d => sentences.IndexOf(d.First));
            DateMatch? told = null;
            var toldParagraph = -1;
            for (var i = 0; i < sentences.Count; i++)
            {
                var own = stated.GetValueOrDefault(i);
                if (own is { Basis: DateBasis.Anaphoric } && told is not null) own = own with { Date = told.Date };
                else if (own is { Basis: DateBasis.Anaphoric }) own = null;
                foreach (var draft in bySentence[i])
                {
                    var found = own ?? (draft.IsTurn ? transcriptDate : null) ?? Meeting(draft) ?? SameEvent(draft, drafts)
                        ?? (told is not null && toldParagraph == sentences[i].Paragraph && !draft.PresentTense ? told with { Basis = DateBasis.Anaphoric, Evidence = $"as told earlier in the paragraph: “{told.Evidence}”" } : null);
                    if (found is null)
                    {
                        draft.Date = PartialDate.Create(dates.Published, draft.PresentTense ? DatePrecision.Day : DatePrecision.Month);
                        draft.DateEvidence = draft.PresentTense ? "present tense: the publication date" : "no date in the passage: the month of publication";
                        continue;
                    }
                    (draft.Date, draft.DateEvidence, draft.DateBasis) = (found.Date, found.Evidence, found.Basis);
                    own ??= found;
                }
                if (own is not null) (told, toldParagraph) = (own, sentences[i].Paragraph);
            }
        }

        private DateMatch? Meeting(Draft draft)
        {
            var from = dates.Published.AddYears(-1);
            var meeting = directory.Meetings
                .Where(m => m.When.Value <= dates.Published && m.When.Value >= from)
                .Select(m => (Meeting: m, Shared: m.Participants.Count(draft.OtherActors.Contains)))
                .Where(m => m.Shared >= 2)
                .OrderByDescending(m => m.Shared).ThenByDescending(m => m.Meeting.When.Value).Select(m => m.Meeting).FirstOrDefault();
            return meeting is null ? null : new DateMatch(meeting.When, $"meeting: {meeting.Title}", DateBasis.Stated, 0);
        }

        private DateMatch? SameEvent(Draft draft, List<Draft> drafts)
        {
            var speakers = draft.Speakers.Select(s => s.Actor).Where(a => a is not null).ToList();
            foreach (var other in drafts)
            {
                if (other == draft || stated.GetValueOrDefault(sentences.IndexOf(other.First)) is not { Basis: DateBasis.Stated } date) continue;
                if (!other.Speakers.Any(s => speakers.Contains(s.Actor))) continue;
                if (draft.OtherActors.Except(speakers).Intersect(other.OtherActors).Any())
                    return date with { Evidence = $"the same people as “{date.Evidence}”" };
            }
            return null;
        }
    }
}
