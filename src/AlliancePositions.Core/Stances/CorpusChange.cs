using System.Globalization;

namespace AlliancePositions.Core.Stances;

/// <summary>
/// What one write changed of the data a question's <see cref="StanceHistory"/> is walked from: the statements (with
/// their codings and relations) and actors it touched, or <see cref="Everything"/> when that is not known (an import, a
/// command written by hand, an edit of the questions). A history then walks again only the actors concerned (see
/// <see cref="StanceCache.Invalidate(CorpusChange)"/>): the statements' speakers, the actors a touched statement
/// retracts or denies (their evidence reads the retraction's date), and the actors themselves. <see cref="Meetings"/>
/// says whether a meeting or who took part in one changed: the histories do not read them, an actor's page does.
/// <see cref="Questions"/>, when known, narrows it further to the evidence on some questions: those of the codings it
/// saved, changed or deleted, and, when <see cref="StatementsEdited"/>, those its statements (and the statements they
/// retract or deny) are coded on, which only the database knows. The evidence on every other question and the actors
/// themselves are as they were. Without it (an actor edited) every question may have moved.
/// </summary>
public sealed record CorpusChange(bool Everything, IReadOnlySet<int> Statements, IReadOnlySet<int> Actors, bool Meetings = false,
    IReadOnlySet<int>? Questions = null, bool StatementsEdited = false)
{
    /// <summary>
    /// More statements and actors than this in one write are taken as <see cref="Everything"/>: the histories are then
    /// built again, which costs no more than walking that many actors again, and the ids stay far below what a query's
    /// parameters may list.
    /// </summary>
    public const int MostIds = 1000;

    public static readonly CorpusChange All = new(true, new HashSet<int>(), new HashSet<int>());

    public static readonly CorpusChange None = new(false, new HashSet<int>(), new HashSet<int>());

    /// <summary>
    /// A change of these statements and actors (on <paramref name="questions"/> alone when given, with the questions
    /// the statements are coded on when <paramref name="statementsEdited"/>), or <see cref="All"/> when there are too
    /// many to list.
    /// </summary>
    public static CorpusChange Of(IEnumerable<int> statements, IEnumerable<int> actors, bool meetings = false, IEnumerable<int>? questions = null,
        bool statementsEdited = false)
    {
        var (statementIds, actorIds) = (statements.ToHashSet(), actors.ToHashSet());
        return statementIds.Count + actorIds.Count > MostIds ? All
            : new(false, statementIds, actorIds, meetings, questions?.ToHashSet(), questions is not null && statementsEdited);
    }

    /// <summary>Whether any history must walk something again.</summary>
    public bool TouchesHistories => Everything || Statements.Count > 0 || Actors.Count > 0;

    /// <summary>Both changes, as one. It is narrowed to some questions only when each part that touches a history is.</summary>
    public CorpusChange And(CorpusChange other)
    {
        if (Everything || other.Everything) return All;
        var (questions, edited) = !TouchesHistories ? (other.Questions, other.StatementsEdited)
            : !other.TouchesHistories ? (Questions, StatementsEdited)
            : Questions is null || other.Questions is null ? (null, false)
            : (Questions.Concat(other.Questions), StatementsEdited || other.StatementsEdited);
        return Of(Statements.Concat(other.Statements), Actors.Concat(other.Actors), Meetings || other.Meetings, questions, edited);
    }

    /// <summary>
    /// "*" for everything, else "s1,2,3;a4,5", with ";q6,7" when it is narrowed to the questions of the codings it
    /// touched, ";e" when also to those of its edited statements, and ";m" when meetings changed: how a node tells the
    /// others over the same database (a notification's text).
    /// </summary>
    public override string ToString() => Everything ? "*"
        : $"s{string.Join(',', Statements.Order())};a{string.Join(',', Actors.Order())}" +
          (Questions is null ? "" : $";q{string.Join(',', Questions.Order())}") + (StatementsEdited ? ";e" : "") + (Meetings ? ";m" : "");

    /// <summary>The change <see cref="ToString"/> wrote; <see cref="All"/> for anything else, which is never wrong, only slower.</summary>
    public static CorpusChange Parse(string? text)
    {
        if (text?.Split(';') is not [['s', .. var statements], ['a', .. var actors], .. var rest]) return All;
        List<int>? questionIds = null;
        if (rest is [['q', .. var questions], ..])
        {
            if (!TryIds(questions, out questionIds)) return All;
            rest = rest[1..];
        }
        var edited = questionIds is not null && rest is ["e", ..];
        if (edited) rest = rest[1..];
        var meetings = rest is ["m"];
        if (rest.Length != (meetings ? 1 : 0)) return All;
        return TryIds(statements, out var statementIds) && TryIds(actors, out var actorIds) ? Of(statementIds, actorIds, meetings, questionIds, edited) : All;
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
