namespace AlliancePositions.Core.Stances;

/// <summary>One unordered pair of actors; <see cref="ActorA"/> sorts before <see cref="ActorB"/> (ordinal).</summary>
public sealed record AgreementCell(string ActorA, string ActorB, PairAgreement Agreement);

/// <summary>The actors on one side of a question, sorted by key.</summary>
public sealed record Coalition(Side Side, IReadOnlyList<string> Actors);

/// <summary>Every pair's agreement on one question and the coalitions by side.</summary>
public sealed record AgreementMatrix(IReadOnlyList<AgreementCell> Cells, IReadOnlyList<Coalition> Coalitions)
{
    /// <summary>
    /// Cells in row order of the ordinal-sorted actor keys (a-b, a-c, b-c); coalitions support, oppose, ambiguous,
    /// empty ones left out. Actors without a position sit in no coalition.
    /// </summary>
    public static AgreementMatrix ForQuestion(IReadOnlyDictionary<string, Stance> stanceByActor)
    {
        var actors = stanceByActor.Keys.Order(StringComparer.Ordinal).ToList();
        var cells = new List<AgreementCell>();
        for (var i = 0; i < actors.Count; i++)
        {
            for (var j = i + 1; j < actors.Count; j++)
            {
                var agreement = Agreement.Between(stanceByActor[actors[i]], stanceByActor[actors[j]]);
                cells.Add(new AgreementCell(actors[i], actors[j], agreement));
            }
        }
        return new AgreementMatrix(cells, CoalitionsOf(stanceByActor));
    }

    /// <summary>The coalitions alone: one pass over the actors, where the cells take n² / 2 pairs.</summary>
    public static IReadOnlyList<Coalition> CoalitionsOf(IReadOnlyDictionary<string, Stance> stanceByActor)
    {
        var actors = stanceByActor.Keys.Order(StringComparer.Ordinal).ToList();
        return Enum.GetValues<Side>()
            .Select(side => new Coalition(side, actors.Where(a => stanceByActor[a].Side == side).ToList()))
            .Where(c => c.Actors.Count > 0)
            .ToList();
    }
}
