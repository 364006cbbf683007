using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Statements;

namespace AlliancePositions.Web.Actors;

/// <summary>One entry of an actor's timeline: <c>type</c> "statement" (with <c>statement</c>) or "meeting" (with participants' names).</summary>
public sealed record TimelineEntry(string Type, string Key, DateOnly Date, DatePrecision DatePrecision, string Title, StatementJson? Statement,
    IReadOnlyList<TimelineRelationJson> Relations, IReadOnlyList<string> ParticipantNames)
{
    public static TimelineEntry From(TimelineItem item) => new(item.Type, item.Key, item.When.Value, item.When.Precision, item.Title,
        item.Statement is null ? null : StatementJson.From(item.Statement),
        item.Relations.Select(r => new TimelineRelationJson(r.Type, r.Incoming, r.StatementKey, r.ActorSlug)).ToList(), item.Participants);
}

/// <summary>A relation between statements; <c>incoming</c> when the other statement points at this one.</summary>
public sealed record TimelineRelationJson(RelationType Type, bool Incoming, string Statement, string Actor);

/// <summary>A band change on a question, the statement that caused it, and the meetings the actor attended just before.</summary>
public sealed record ShiftJson(string Question, ShiftKind Kind, StanceBand From, StanceBand To, DateOnly Date, DatePrecision DatePrecision,
    string Statement, bool ByRetraction, IReadOnlyList<string> MeetingsBefore)
{
    public static ShiftJson Of(string question, Shift shift) => new(question, shift.Kind, shift.From, shift.To, shift.Date.Value, shift.Date.Precision,
        shift.StatementKey, shift.ByRetraction, shift.MeetingsBefore.Select(m => m.Key).ToList());
}

/// <summary>The actor's stance on one question as of asOf, and the plain-language sentence on how it got there (<c>pattern</c> names its shape).</summary>
public sealed record ActorStanceJson(string Question, StanceBand Band, double? Position, int EvidenceCount, DateOnly? Since, DatePrecision? SincePrecision,
    StanceHistoryPattern Pattern, string Sentence)
{
    public static ActorStanceJson Of(StanceSentence sentence, Stance stance) => new(sentence.Question, stance.Band, stance.Position, stance.EvidenceCount,
        stance.Since?.Value, stance.Since?.Precision, sentence.Pattern, sentence.Text);
}

/// <summary>An actor whose stances agree with this one's: <c>score</c> is the overall agreement (0..1) over <c>sharedQuestions</c>.</summary>
public sealed record SimilarActorJson(string Actor, string Name, double Score, int SharedQuestions)
{
    public static SimilarActorJson Of(SimilarActor similar) => new(similar.Actor.Slug, similar.Actor.Name, similar.Score, similar.SharedQuestions);
}
