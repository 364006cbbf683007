using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Statements;

public enum StatementKind
{
    Quote,
    Paraphrase,
    Reported,
    Action,
}

/// <summary>What an actor said or did, dated with honest precision and evidenced by annotations of source texts.</summary>
public class Statement : EditableRecord
{
    public required string Key { get; set; }

    public override string AuditKey => Key;
    public int ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public StatementKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public required string Summary { get; set; }
    public Credibility Credibility { get; set; } = Credibility.CannotBeJudged;
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public List<Topic> Topics { get; set; } = [];
    public List<Annotation> Evidence { get; set; } = [];
    public List<Coding> Codings { get; set; } = [];
    public List<StatementRelation> Relations { get; set; } = [];

    /// <summary>
    /// Maintained on write from the evidence: the earliest publication date of an evidencing document (when the public
    /// could first know it) and the best reliability among them. The stance engine reads these instead of joining
    /// every annotation and document.
    /// </summary>
    public DateOnly? KnownFrom { get; set; }
    public SourceGrade SourceGrade { get; set; } = SourceGrade.F;

    /// <summary>The summary and the evidencing quotes: what full-text search indexes (see Statements/Search).</summary>
    public string SearchText { get; set; } = "";

    public PartialDate When => new(Date, DatePrecision);

    /// <summary>
    /// Refreshes <see cref="KnownFrom"/>, <see cref="SourceGrade"/> and <see cref="SearchText"/> from the evidencing annotations' documents
    /// (loaded with them). Every write path that changes the evidence calls this.
    /// </summary>
    public void SummariseEvidence()
    {
        var documents = Evidence.Select(a => a.Document).Distinct().ToList();
        KnownFrom = documents.Select(d => d.PublishedOn).Where(d => d is not null).Min();
        // The most reliable judged grade among the documents; F ("cannot be judged") only when none is judged.
        var judged = documents.Select(d => d.EffectiveReliability).Where(g => g != SourceGrade.F).ToList();
        SourceGrade = judged.Count > 0 ? judged.Min() : SourceGrade.F;
        SearchText = string.Join('\n', Evidence.Select(a => a.Exact).Prepend(Summary));
    }
}
