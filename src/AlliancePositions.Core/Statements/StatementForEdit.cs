using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;

namespace AlliancePositions.Core.Statements;

/// <summary>
/// A statement as its edit form opens it: every value <see cref="StatementRequest"/> takes, the version the save must
/// name, and each coder's coding (a coding is edited by coding again, and deleted on its own).
/// </summary>
public sealed record StatementForEdit(string Key, int Version, string ActorSlug, string ActorName, string Kind, DateOnly Date, string DatePrecision,
    string Summary, IReadOnlyList<string> Topics, IReadOnlyList<string> AnnotationIds, int Credibility, string? Meeting,
    IReadOnlyList<CodingForEdit> Codings)
{
    /// <summary>The request that saves the statement as it stands, for a form to change what the user changes.</summary>
    public StatementRequest ToRequest() => new(ActorSlug, Kind, Date, DatePrecision, Summary, Topics, AnnotationIds, Credibility, Meeting);
}

/// <summary>One coder's coding of the statement on one question, named for display and keyed for a delete.</summary>
public sealed record CodingForEdit(string Question, string QuestionTitle, int Position, string? Qualifier, string Coder, string CoderName);

internal static class StatementEditReads
{
    internal static StatementForEdit From(Statement s, IEnumerable<CodingForEdit> codings) =>
        new(s.Key, s.Version, s.Actor.Slug, s.Actor.Name, s.Kind.ToWire(), s.Date, s.DatePrecision.ToWire(), s.Summary,
            s.Topics.Select(t => t.Slug).ToList(), s.Evidence.Select(a => a.Key).ToList(), (int)s.Credibility, s.Meeting?.Key, codings.ToList());
}
