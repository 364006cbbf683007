using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Questions;

public sealed record TopicSummary(string Slug, string Name, string? Parent, int Depth);

/// <summary>The topic tree: a small vocabulary, read whole.</summary>
public sealed class TopicQueries(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Topics in tree order (each parent followed by its children), with their depth for indenting.</summary>
    public async Task<IReadOnlyList<TopicSummary>> ListTopicsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Slug, t.Name, t.ParentId, Parent = t.Parent!.Slug }).ToListAsync(cancellationToken);
        var result = new List<TopicSummary>();
        void Walk(int? parentId, int depth)
        {
            foreach (var topic in topics.Where(t => t.ParentId == parentId).OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                result.Add(new TopicSummary(topic.Slug, topic.Name, topic.Parent, depth));
                Walk(topic.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>The ids of several topics and their sub-topics (the topics read once), and the keys no topic has.</summary>
    internal static async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Unknown)> SubtreeIdsAsync(AppDbContext db, IReadOnlyCollection<string> slugs,
        CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Slug, t.ParentId }).ToListAsync(cancellationToken);
        var ids = topics.Where(t => slugs.Contains(t.Slug)).Select(t => t.Id).ToList();
        for (var i = 0; i < ids.Count; i++) ids.AddRange(topics.Where(t => t.ParentId == ids[i] && !ids.Contains(t.Id)).Select(t => t.Id));
        return (ids, slugs.Where(s => !topics.Any(t => t.Slug == s)).ToList());
    }
}
