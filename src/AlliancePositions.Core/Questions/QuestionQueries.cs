using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Questions;

public sealed record QuestionSummary(string Slug, string Title, string Topic, string TopicName, string MinusTwoMeans, string PlusTwoMeans);

/// <summary>The questions, with what each pole of the scale means: a small vocabulary, read whole.</summary>
public sealed class QuestionQueries(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<QuestionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Questions.AsNoTracking().OrderBy(q => q.Title)
            .Select(q => new QuestionSummary(q.Slug, q.Title, q.Topic.Slug, q.Topic.Name, q.MinusTwoMeans, q.PlusTwoMeans))
            .ToListAsync(cancellationToken);
    }

    public async Task<QuestionSummary?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Questions.AsNoTracking().Where(q => q.Slug == slug)
            .Select(q => new QuestionSummary(q.Slug, q.Title, q.Topic.Slug, q.Topic.Name, q.MinusTwoMeans, q.PlusTwoMeans))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
