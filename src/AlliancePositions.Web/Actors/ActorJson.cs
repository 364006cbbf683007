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
