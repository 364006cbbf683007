using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Meetings;

public enum MeetingKind
{
    Call,
    Bilateral,
    Summit,
    Conference,
    Visit,
}

/// <summary>A call, bilateral, summit, conference or visit, with who took part and what was said there.</summary>
public class Meeting : EditableRecord
{
    public required string Key { get; set; }

    public override string AuditKey => Key;
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public string? Place { get; set; }
    public string? Note { get; set; }
    public List<Actor> Participants { get; set; } = [];
    public List<Topic> Topics { get; set; } = [];
    public List<Document> ReportedIn { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];

    public PartialDate When => new(Date, DatePrecision);
}
