using AlliancePositions.Core.Stances;

namespace AlliancePositions.Web.Questions;

/// <summary>The matrix's cells by either order of the pair, so a table can be drawn row by row.</summary>
public sealed class AgreementLookup(AgreementMatrix matrix)
{
    private readonly Dictionary<(string, string), PairAgreement> cells = matrix.Cells
        .SelectMany(c => new[] { KeyValuePair.Create((c.ActorA, c.ActorB), c.Agreement), KeyValuePair.Create((c.ActorB, c.ActorA), c.Agreement) })
        .ToDictionary(p => p.Key, p => p.Value);

    public PairAgreement Between(string a, string b) => cells.GetValueOrDefault((a, b)) ?? PairAgreement.Unknown;
}
