using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Questions;

public sealed record QuestionJson(string Slug, string Title, string Topic);

/// <summary>
/// An actor's stance on a question: position and band, how much evidence and how sure, since when, and the evidence;
/// under methodology 2.0 also the posterior <c>sd</c> and the 95% <c>interval</c> (null under 1.0), not clipped.
/// </summary>
public sealed record StanceJson(string Actor, double? Position, StanceBand Band, int EvidenceCount, double Confidence, DateOnly? Since,
    DatePrecision? SincePrecision, IReadOnlyList<StanceEvidenceJson> Evidence, string Method, double? Sd, IntervalJson? Interval, string Arithmetic)
{
    public static StanceJson From(ActorStance stance) => new(stance.Actor.Slug, stance.Stance.Position, stance.Stance.Band, stance.Stance.EvidenceCount,
        stance.Stance.Confidence, stance.Stance.Since?.Value, stance.Stance.Since?.Precision,
        stance.Stance.Evidence.Select(e => new StanceEvidenceJson(e.Item.StatementKey, e.Item.Date.Value, e.Item.Date.Precision, e.Item.Position, e.Weight, e.Item.Quote))
            .ToList(), stance.Stance.Method, stance.Stance.Sd, IntervalJson.From(stance.Stance.Interval), stance.Stance.Arithmetic);
}

/// <summary>A 95% interval: <c>{ low, high }</c>.</summary>
public sealed record IntervalJson(double Low, double High)
{
    public static IntervalJson? From(StanceInterval? interval) => interval is null ? null : new(interval.Low, interval.High);

    public static IntervalJson? From(AgreementInterval? interval) => interval is null ? null : new(interval.Low, interval.High);
}

public sealed record StanceEvidenceJson(string Statement, DateOnly Date, DatePrecision DatePrecision, double Position, double Weight, string? Quote);

/// <summary>
/// The agreement matrix of one question at (asOf, knownAt) by a methodology and view: one cell per unordered pair,
/// score null where unknown; under 2.0 each cell has a 95% interval, and <c>uncertain</c> when it straddles 0.5.
/// </summary>
public sealed record AgreementJson(string Question, DateOnly AsOf, DateOnly KnownAt, string Methodology, string View, IReadOnlyList<string> Actors,
    IReadOnlyList<AgreementCellJson> Cells, IReadOnlyList<CoalitionJson> Coalitions)
{
    public static AgreementJson From(QuestionStances stances) => new(stances.Question, stances.AsOf, stances.KnownAt, stances.Lens.Method, stances.Lens.ViewName,
        stances.Stances.Select(s => s.Actor.Slug).Order(StringComparer.Ordinal).ToList(),
        stances.Matrix.Cells.Select(c => new AgreementCellJson(c.ActorA, c.ActorB, c.Agreement.Relation, c.Agreement.Score,
            IntervalJson.From(c.Agreement.Interval), c.Agreement.Uncertain)).ToList(),
        stances.Matrix.Coalitions.Select(c => new CoalitionJson(c.Side, c.Actors)).ToList());
}

public sealed record AgreementCellJson(string A, string B, AgreementRelation Relation, double? Score, IntervalJson? Interval, bool Uncertain);

public sealed record CoalitionJson(Side Side, IReadOnlyList<string> Actors);
