using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Questions;

public sealed record QuestionJson(string Slug, string Title, string Topic);

/// <summary>An actor's stance on a question: position and band, how much evidence and how sure, since when, and the evidence.</summary>
public sealed record StanceJson(string Actor, double? Position, StanceBand Band, int EvidenceCount, double Confidence, DateOnly? Since,
    DatePrecision? SincePrecision, IReadOnlyList<StanceEvidenceJson> Evidence)
{
    public static StanceJson From(ActorStance stance) => new(stance.Actor.Slug, stance.Stance.Position, stance.Stance.Band, stance.Stance.EvidenceCount,
        stance.Stance.Confidence, stance.Stance.Since?.Value, stance.Stance.Since?.Precision,
        stance.Stance.Evidence.Select(e => new StanceEvidenceJson(e.Item.StatementKey, e.Item.Date.Value, e.Item.Date.Precision, e.Item.Position, e.Weight, e.Item.Quote))
            .ToList());
}

public sealed record StanceEvidenceJson(string Statement, DateOnly Date, DatePrecision DatePrecision, double Position, double Weight, string? Quote);

/// <summary>The agreement matrix of one question at (asOf, knownAt): one cell per unordered pair, score null where unknown.</summary>
public sealed record AgreementJson(string Question, DateOnly AsOf, DateOnly KnownAt, string Methodology, IReadOnlyList<string> Actors,
    IReadOnlyList<AgreementCellJson> Cells, IReadOnlyList<CoalitionJson> Coalitions)
{
    public static AgreementJson From(QuestionStances stances) => new(stances.Question, stances.AsOf, stances.KnownAt, QuestionStances.MethodologyVersion,
        stances.Stances.Select(s => s.Actor.Slug).Order(StringComparer.Ordinal).ToList(),
        stances.Matrix.Cells.Select(c => new AgreementCellJson(c.ActorA, c.ActorB, c.Agreement.Relation, c.Agreement.Score)).ToList(),
        stances.Matrix.Coalitions.Select(c => new CoalitionJson(c.Side, c.Actors)).ToList());
}

public sealed record AgreementCellJson(string A, string B, AgreementRelation Relation, double? Score);

public sealed record CoalitionJson(Side Side, IReadOnlyList<string> Actors);
