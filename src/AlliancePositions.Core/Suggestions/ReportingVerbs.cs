namespace AlliancePositions.Core.Suggestions;

/// <summary>A verb that reports speech ("warned") or an act ("approved"), and whether this form is the simple present ("says").</summary>
public sealed record ReportingVerb(string Lemma, bool IsSpeech, bool IsPresent);

/// <summary>
/// English reporting and action verbs, in every inflected form: language rules, not corpus data. Speech verbs make a
/// reported (or quoted) statement; action verbs ("approved", "sent", "announced") make an action.
/// </summary>
public static class ReportingVerbs
{
    private const string Speech =
        "say tell state warn explain recall express insist argue claim note add stress emphasise emphasize suggest propose urge demand deny " +
        "acknowledge admit confirm reiterate promise pledge vow threaten condemn criticise criticize reject dismiss praise welcome assure declare " +
        "comment respond reply write tweet post signal hint predict caution advise agree oppose support endorse refuse describe inform " +
        "concede contend complain accuse allege repeat remark mention believe stress underline announce ask question";

    private const string Action =
        "approve send hold pursue sign deliver deploy supply provide veto block adopt pass launch order authorise authorize allocate decide " +
        "impose lift visit meet call host convene freeze transfer ship dispatch ban sanction withdraw halt suspend resume boost increase cut";

    private static readonly Dictionary<string, string[]> Irregular = new()
    {
        ["say"] = ["says", "said", "saying"], ["tell"] = ["tells", "told", "telling"], ["write"] = ["writes", "wrote", "written", "writing"],
        ["send"] = ["sends", "sent", "sending"], ["hold"] = ["holds", "held", "holding"], ["meet"] = ["meets", "met", "meeting"],
        ["freeze"] = ["freezes", "froze", "frozen", "freezing"], ["withdraw"] = ["withdraws", "withdrew", "withdrawn", "withdrawing"],
        ["cut"] = ["cuts", "cut", "cutting"], ["ban"] = ["bans", "banned", "banning"], ["ship"] = ["ships", "shipped", "shipping"],
        ["veto"] = ["vetoes", "vetoed", "vetoing"], ["transfer"] = ["transfers", "transferred", "transferring"], ["repeat"] = ["repeats", "repeated", "repeating"],
        ["commit"] = ["commits", "committed", "committing"], ["lift"] = ["lifts", "lifted", "lifting"],
    };

    // Forms that are far more often nouns in news text ("talks", "calls", "meeting", "post") are left out.
    private static readonly HashSet<string> Ambiguous = ["meeting", "call", "calls", "post", "posts", "comment", "comments", "remark", "remarks",
        "question", "questions", "note", "notes", "order", "orders", "sanction", "sanctions", "visit", "visits", "signal", "signals", "ban", "bans",
        "cut", "cuts", "increase", "increases", "boost", "boosts", "supply", "supplies", "freeze", "transfer", "transfers", "ship", "ships", "halt",
        "block", "blocks", "pass", "launch", "reply", "promise", "promises", "demand", "demands", "claim", "claims", "pledge", "pledges", "vow", "vows"];

    private static readonly Dictionary<string, ReportingVerb> Forms = Build();

    public static bool TryFind(string word, out ReportingVerb verb) => Forms.TryGetValue(word.ToLowerInvariant(), out verb!);

    private static Dictionary<string, ReportingVerb> Build()
    {
        var forms = new Dictionary<string, ReportingVerb>(StringComparer.Ordinal);
        foreach (var (list, speech) in new[] { (Speech, true), (Action, false) })
            foreach (var lemma in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                foreach (var form in Inflect(lemma))
                    if (!Ambiguous.Contains(form)) forms.TryAdd(form, new ReportingVerb(lemma, speech, IsThirdPersonPresent(lemma, form)));
        return forms;
    }

    private static bool IsThirdPersonPresent(string lemma, string form) =>
        form != lemma && form.EndsWith('s') && !form.EndsWith("ss", StringComparison.Ordinal) && form.Length <= lemma.Length + 2;

    private static IEnumerable<string> Inflect(string lemma)
    {
        yield return lemma;
        if (Irregular.TryGetValue(lemma, out var irregular))
        {
            foreach (var form in irregular) yield return form;
            yield break;
        }
        var consonantY = lemma.EndsWith('y') && !"aeiou".Contains(lemma[^2]);
        yield return consonantY ? lemma[..^1] + "ies"
            : lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') || lemma.EndsWith('z') ? lemma + "es"
            : lemma + "s";
        yield return consonantY ? lemma[..^1] + "ied" : lemma.EndsWith('e') ? lemma + "d" : lemma + "ed";
        yield return lemma.EndsWith('e') && !lemma.EndsWith("ee", StringComparison.Ordinal) ? lemma[..^1] + "ing" : lemma + "ing";
    }
}
