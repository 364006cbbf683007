using System.Globalization;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// What one write changed of the data a question's <see cref="StanceHistory"/> is walked from: the statements (with
/// their codings and relations) and actors it touched, or <see cref="Everything"/> when that is not known (an import, a
/// command written by hand, an edit of the questions). A history then walks again only the actors concerned (see
/// <see cref="StanceCache.Invalidate(CorpusChange)"/>): the statements' speakers, the actors a touched statement
/// retracts or denies (their evidence reads the retraction's date), and the actors themselves. <see cref="Meetings"/>
/// says whether a meeting or who took part in one changed: the histories do not read them, an actor's page does.
/// </summary>
public sealed record CorpusChange(bool Everything, IReadOnlySet<int> Statements, IReadOnlySet<int> Actors, bool Meetings = false)
{
    /// <summary>
    /// More statements and actors than this in one write are taken as <see cref="Everything"/>: the histories are then
    /// built again, which costs no more than walking that many actors again, and the ids stay far below what a query's
    /// parameters may list.
    /// </summary>
    public const int MostIds = 1000;

    public static readonly CorpusChange All = new(true, new HashSet<int>(), new HashSet<int>());

    public static readonly CorpusChange None = new(false, new HashSet<int>(), new HashSet<int>());

    /// <summary>A change of these statements and actors, or <see cref="All"/> when there are too many to list.</summary>
    public static CorpusChange Of(IEnumerable<int> statements, IEnumerable<int> actors, bool meetings = false)
    {
        var (statementIds, actorIds) = (statements.ToHashSet(), actors.ToHashSet());
        return statementIds.Count + actorIds.Count > MostIds ? All : new(false, statementIds, actorIds, meetings);
    }

    /// <summary>Whether any history must walk something again.</summary>
    public bool TouchesHistories => Everything || Statements.Count > 0 || Actors.Count > 0;

    /// <summary>Both changes, as one.</summary>
    public CorpusChange And(CorpusChange other) =>
        Everything || other.Everything ? All : Of(Statements.Concat(other.Statements), Actors.Concat(other.Actors), Meetings || other.Meetings);

    /// <summary>
    /// "*" for everything, else "s1,2,3;a4,5", with ";m" when meetings changed: how a node tells the others over the
    /// same database (a notification's text).
    /// </summary>
    public override string ToString() =>
        Everything ? "*" : $"s{string.Join(',', Statements.Order())};a{string.Join(',', Actors.Order())}{(Meetings ? ";m" : "")}";

    /// <summary>The change <see cref="ToString"/> wrote; <see cref="All"/> for anything else, which is never wrong, only slower.</summary>
    public static CorpusChange Parse(string? text)
    {
        var parts = text?.Split(';');
        var meetings = parts is [_, _, "m"];
        if (parts is not [['s', .. var statements], ['a', .. var actors], ..] || parts.Length != (meetings ? 3 : 2)) return All;
        return TryIds(statements, out var statementIds) && TryIds(actors, out var actorIds) ? Of(statementIds, actorIds, meetings) : All;
    }

    private static bool TryIds(string text, out List<int> ids)
    {
        ids = [];
        if (text.Length == 0) return true;
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            ids.Add(id);
        }
        return true;
    }
}
