using AlliancePositions.Core.Actors;

namespace AlliancePositions.Core.Stances;

/// <summary>An actor whose stances agree with another's: the overall agreement over the questions both have a position on.</summary>
public sealed record SimilarActor(ActorRef Actor, double Score, int SharedQuestions);

/// <summary>Ranks actors by how far their stances agree with one actor's, with the matrix's own arithmetic.</summary>
public static class SimilarActors
{
    /// <summary>The most similar actors to show on an actor's page.</summary>
    public const int Shown = 5;

    /// <summary>
    /// <paramref name="byQuestion"/> holds every actor's stance on each question the actor has a record on. Each other
    /// actor's score is <see cref="Agreement.Overall"/> (the mean of 1 − |difference| ÷ 4 over the questions on which
    /// both have a position), as the compare view and the matrix compute it; actors sharing no such question are left
    /// out. Highest score first, then more questions in common, then name.
    /// </summary>
    public static IReadOnlyList<SimilarActor> Rank(string actorSlug, IReadOnlyDictionary<string, IReadOnlyList<ActorStance>> byQuestion, int take)
    {
        var mine = byQuestion
            .Select(q => (Question: q.Key, Stance: q.Value.FirstOrDefault(s => s.Actor.Slug == actorSlug)?.Stance))
            .Where(q => q.Stance is not null)
            .ToDictionary(q => q.Question, q => q.Stance!, StringComparer.Ordinal);
        return byQuestion
            .SelectMany(q => q.Value.Where(s => s.Actor.Slug != actorSlug).Select(s => (Question: q.Key, s.Actor, s.Stance)))
            .GroupBy(s => s.Actor)
            .Select(g => (Actor: g.Key, Overall: Agreement.Overall(mine, g.ToDictionary(s => s.Question, s => s.Stance, StringComparer.Ordinal))))
            .Where(a => a.Overall.Score is not null)
            .Select(a => new SimilarActor(a.Actor, a.Overall.Score!.Value, a.Overall.SharedQuestions))
            .OrderByDescending(a => a.Score).ThenByDescending(a => a.SharedQuestions).ThenBy(a => a.Actor.Name, StringComparer.Ordinal)
            .Take(take)
            .ToList();
    }
}
