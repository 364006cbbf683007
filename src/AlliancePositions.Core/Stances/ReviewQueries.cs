using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Stances;

public sealed record CoderPosition(string Coder, int Position, string? Qualifier);

/// <summary>A statement two or more coders read differently on one question: what a senior analyst settles.</summary>
public sealed record DisputedCoding(string StatementKey, string ActorSlug, string ActorName, PartialDate When, string Summary,
    string QuestionSlug, string QuestionTitle, IReadOnlyList<CoderPosition> Codings)
{
    public int Spread => Codings.Max(c => c.Position) - Codings.Min(c => c.Position);
}

/// <summary>Inter-coder agreement on one question over every statement coded on it by more than one coder.</summary>
public sealed record QuestionAgreement(string QuestionSlug, string QuestionTitle, AlphaResult Ordinal, AlphaResult Nominal);

public sealed record ReviewQueue(IReadOnlyList<DisputedCoding> Disputed, IReadOnlyList<QuestionAgreement> Agreement);

/// <summary>
/// The review queue: statements whose coders disagree, widest spread first, and Krippendorff's alpha per question
/// (ordinal and nominal) over all multiply-coded units, agreeing ones included, so alpha measures the whole team.
/// </summary>
public sealed class ReviewQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<ReviewQueue> QueueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Only codings of units with a second coder are read: a single reading can neither disagree nor enter alpha.
        var codings = await db.Codings.AsNoTracking()
            .Where(c => db.Codings.Any(o => o.StatementId == c.StatementId && o.QuestionId == c.QuestionId && o.CoderId != c.CoderId))
            .Select(c => new
            {
                c.Statement.Key, ActorSlug = c.Statement.Actor.Slug, ActorName = c.Statement.Actor.Name, c.Statement.Date, c.Statement.DatePrecision,
                c.Statement.Summary, Question = c.Question.Slug, c.Question.Title, Coder = c.Coder.DisplayName, c.Position, c.Qualifier,
            })
            .ToListAsync(cancellationToken);

        var units = codings.GroupBy(c => (c.Key, c.Question)).ToList();
        var disputed = units.Where(u => u.Select(c => c.Position).Distinct().Count() > 1)
            .Select(u => u.First() is var s
                ? new DisputedCoding(s.Key, s.ActorSlug, s.ActorName, new PartialDate(s.Date, s.DatePrecision), s.Summary, s.Question, s.Title,
                    u.OrderBy(c => c.Coder, StringComparer.Ordinal).Select(c => new CoderPosition(c.Coder, c.Position, c.Qualifier)).ToList())
                : null!)
            .OrderByDescending(d => d.Spread).ThenByDescending(d => d.When.Value).ThenBy(d => d.StatementKey, StringComparer.Ordinal)
            .ToList();
        var agreement = units.GroupBy(u => (u.Key.Question, u.First().Title))
            .OrderBy(q => q.Key.Title, StringComparer.Ordinal)
            .Select(q =>
            {
                var values = q.Select(u => (IReadOnlyCollection<int>)u.Select(c => c.Position).ToList()).ToList();
                return new QuestionAgreement(q.Key.Question, q.Key.Title,
                    KrippendorffAlpha.Compute(values, DifferenceFunction.Ordinal), KrippendorffAlpha.Compute(values, DifferenceFunction.Nominal));
            })
            .ToList();
        return new ReviewQueue(disputed, agreement);
    }
}
