using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Questions;

/// <summary>One actor's band change on one question, as the home and question pages list them.</summary>
public sealed record QuestionShift(ActorRef Actor, string Question, string QuestionTitle, Shift Shift)
{
    /// <summary>
    /// The shifts of the given actors (on <paramref name="question"/> only, when given), newest first, as known at the
    /// date: the stance engine's history per actor, nothing recomputed here.
    /// </summary>
    public static async Task<IReadOnlyList<QuestionShift>> LoadAsync(StanceQueries stances, IEnumerable<ActorRef> actors,
        IReadOnlyDictionary<string, string> questionTitles, string? question, DateOnly asOf, DateOnly knownAt, CancellationToken cancellationToken)
    {
        var shifts = new List<QuestionShift>();
        foreach (var actor in actors.DistinctBy(a => a.Slug))
        {
            var history = await stances.HistoryAsync(actor.Slug, asOf, knownAt, cancellationToken);
            shifts.AddRange(history.Where(h => question is null || h.Key == question)
                .SelectMany(h => h.Value.Shifts.Select(s => new QuestionShift(actor, h.Key, questionTitles.GetValueOrDefault(h.Key) ?? h.Key, s))));
        }
        return shifts.OrderByDescending(s => s.Shift.Date).ThenBy(s => s.Actor.Name, StringComparer.Ordinal).ToList();
    }

    public static string KindText(ShiftKind kind) => kind switch
    {
        ShiftKind.Reversal => "reversal",
        ShiftKind.HalfShift => "half shift",
        ShiftKind.Strengthening => "strengthening",
        _ => "softening",
    };
}
