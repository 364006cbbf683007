using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Web.Statements;

/// <summary>A statement as the API writes it in lists, timelines and meetings: keys, not row ids; the date with its precision.</summary>
public sealed record StatementJson(string Id, DateOnly Date, DatePrecision DatePrecision, string Actor, string ActorName, StatementKind Kind,
    string Summary, int Credibility, SourceGrade SourceGrade, string? Quote, string? Document, string? Meeting,
    IReadOnlyList<StatementCodingSummary> Codings)
{
    public static StatementJson From(StatementRow row) => new(row.Key, row.When.Value, row.When.Precision, row.ActorSlug, row.ActorName, row.Kind, row.Summary, (int)row.Credibility, row.SourceGrade, row.Quote, row.DocumentKey,
        row.MeetingKey, row.Codings);
}
