using System.Text.RegularExpressions;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Suggestions;

public enum MentionKind
{
    /// <summary>A name or alias of one actor.</summary>
    Name,

    /// <summary>An office title ("the chancellor"): whoever held it on the document's date.</summary>
    Title,

    /// <summary>"a US official", "U.S. officials": an unnamed source.</summary>
    Unnamed,

    /// <summary>He, she, they: the speaker of the sentence before.</summary>
    Pronoun,

    /// <summary>An outlet the text cites ("according to The Wall Street Journal"): a citation, not a speaker.</summary>
    Outlet,
}

/// <summary>Words of the text that name someone, with the actors they may mean (several for an ambiguous title).</summary>
public sealed record Mention(int Start, int End, MentionKind Kind, IReadOnlyList<string> Candidates, string? CountryCode = null)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds who a text names, from the actor directory as it stood on the document's date: names, aliases and last
/// names; office titles held that day ("the chancellor", "the Estonian defence minister", "Germany's chancellor");
/// unnamed sources; pronouns; and cited outlets.
/// </summary>
public sealed partial class ActorLexicon
{
    private sealed record Entry(string Surface, bool IgnoreCase, MentionKind Kind, IReadOnlyList<string> Candidates, string? CountryCode);

    private readonly Dictionary<string, List<Entry>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> unnamedByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectoryActor> actors;

    public ActorLexicon(SuggestionDirectory directory, DateOnly on)
    {
        actors = directory.Actors.ToDictionary(a => a.Slug);
        var lastNames = directory.Actors.Where(a => a.Kind == ActorKind.Person).Select(a => (a.Slug, Last: a.Name.Split(' ')[^1]))
            .Where(x => x.Last.Length >= 3 && char.IsUpper(x.Last[0])).GroupBy(x => x.Last).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Slug);
        foreach (var actor in directory.Actors)
        {
            Add(actor.Name, MentionKind.Name, [actor.Slug], null);
            foreach (var alias in actor.Aliases) Add(alias, MentionKind.Name, [actor.Slug], null);
            if (actor.Kind == ActorKind.Unnamed)
                foreach (var surface in actor.Aliases.Prepend(actor.Name)) unnamedByKey.TryAdd(UnnamedKey(surface), actor.Slug);
        }
        foreach (var (last, slug) in lastNames) Add(last, MentionKind.Name, [slug], null);
        AddTitles(directory, on);
        foreach (var outlet in directory.Outlets) Add(outlet, MentionKind.Outlet, [], null);
        foreach (var list in byFirstWord.Values) list.Sort((a, b) => b.Surface.Length.CompareTo(a.Surface.Length));
    }

    public DirectoryActor Actor(string slug) => actors[slug];

    private void AddTitles(SuggestionDirectory directory, DateOnly on)
    {
        var holders = new Dictionary<string, List<(string Slug, string? Country)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in directory.Actors)
            foreach (var role in actor.Roles.Where(r => r.IsHeldOn(on)))
                foreach (var title in OfficeTitles.Of(role.Office, role.Kind, directory.Countries))
                {
                    if (!holders.TryGetValue(title, out var list)) holders[title] = list = [];
                    if (!list.Contains((actor.Slug, role.CountryCode))) list.Add((actor.Slug, role.CountryCode));
                }
        foreach (var (title, list) in holders)
        {
            Add("the " + title, MentionKind.Title, list.Select(h => h.Slug).Distinct().ToList(), null);
            foreach (var country in directory.Countries)
            {
                var held = list.Where(h => h.Country == country.Code).Select(h => h.Slug).Distinct().ToList();
                if (held.Count == 0) continue;
                foreach (var demonym in OfficeTitles.Demonyms(country))
                {
                    Add($"{demonym} {title}", MentionKind.Title, held, country.Code);
                    Add($"the {demonym} {title}", MentionKind.Title, held, country.Code);
                }
                Add($"{title} of {country.Name}", MentionKind.Title, held, country.Code);
                Add($"the {title} of {country.Name}", MentionKind.Title, held, country.Code);
                Add($"{country.Name}'s {title}", MentionKind.Title, held, country.Code);
                Add($"{country.Name}’s {title}", MentionKind.Title, held, country.Code);
            }
        }
    }

    private void Add(string surface, MentionKind kind, IReadOnlyList<string> candidates, string? country)
    {
        surface = surface.Trim();
        if (surface.Length < 2) return;
        var first = surface.Split(' ')[0];
        // Names are matched as written; aliases and titles written in lower case ("the chancellor") in any case.
        var ignoreCase = kind == MentionKind.Title || char.IsLower(surface[0]) || first is "The" or "A" or "An";
        if (!byFirstWord.TryGetValue(first, out var list)) byFirstWord[first] = list = [];
        var existing = list.FindIndex(e => string.Equals(e.Surface, surface, StringComparison.OrdinalIgnoreCase) && e.Kind == kind);
        if (existing >= 0) list[existing] = list[existing] with { Candidates = list[existing].Candidates.Union(candidates).ToList(), IgnoreCase = list[existing].IgnoreCase || ignoreCase };
        else list.Add(new Entry(surface, ignoreCase, kind, candidates, country));
    }

    /// <summary>The longest mention that starts exactly at <paramref name="at"/>, or null.</summary>
    public Mention? At(string text, int at)
    {
        if (at >= text.Length || !char.IsLetter(text[at]) || (at > 0 && char.IsLetterOrDigit(text[at - 1]))) return null;
        var wordEnd = at;
        while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] is '.' or '-') ) wordEnd++;
        var word = text[at..wordEnd].TrimEnd('.');
        Mention? best = null;
        if (byFirstWord.TryGetValue(word, out var entries))
            foreach (var entry in entries)
            {
                if (at + entry.Surface.Length > text.Length) continue;
                var comparison = entry.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (string.Compare(text, at, entry.Surface, 0, entry.Surface.Length, comparison) != 0) continue;
                var end = at + entry.Surface.Length;
                if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
                best = new Mention(at, end, entry.Kind, entry.Candidates, entry.CountryCode);
                break;
            }
        if (UnnamedSource().Match(text, at) is { Success: true } unnamed && unnamed.Index == at && (best is null || unnamed.Length > best.Length))
            best = new Mention(at, at + unnamed.Length, MentionKind.Unnamed,
                unnamedByKey.TryGetValue(UnnamedKey(unnamed.Value), out var slug) ? [slug] : []);
        if (best is null && Pronoun().Match(text, at) is { Success: true } pronoun && pronoun.Index == at)
            best = new Mention(at, at + pronoun.Length, MentionKind.Pronoun, []);
        return best;
    }

    /// <summary>Every mention in <c>text[from..to)</c>, left to right, longest first where they overlap.</summary>
    public IReadOnlyList<Mention> All(string text, int from, int to)
    {
        var found = new List<Mention>();
        for (var i = from; i < to; i++)
        {
            if (At(text, i) is not { } mention || mention.End > to) continue;
            if (mention.Kind != MentionKind.Pronoun) found.Add(mention);
            i = mention.End - 1;
        }
        return found;
    }

    /// <summary>"A US official", "U.S. officials" and "one official" all read as "us official" / "official".</summary>
    internal static string UnnamedKey(string text)
    {
        var key = text.ToLowerInvariant().Replace("u.s.", "us", StringComparison.Ordinal).Replace("u.k.", "uk", StringComparison.Ordinal);
        key = LeadingDeterminer().Replace(key, "");
        key = key.TrimEnd('.').Trim();
        if (key.EndsWith('s') && !key.EndsWith("ss", StringComparison.Ordinal)) key = key[..^1];
        return key;
    }

    [GeneratedRegex(@"^(?:a|an|one|two|three|several|some|the|other|many)\s+")]
    private static partial Regex LeadingDeterminer();

    [GeneratedRegex(@"\G(?:(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Tt]he|[Oo]ther|[Mm]any)\s+)?(?:(?:senior|top|high-ranking|unnamed|anonymous)\s+)?(?:(?:U\.S\.|US|UK|EU|NATO|American|British|French|German|Western|European|Ukrainian|Russian|Polish|Estonian|Italian|Israeli|Chinese|Kremlin|Pentagon|White House|State Department|Defense|Defence|government|administration|military|diplomatic|intelligence|security|defence|defense)\s+)+(?:official|officials|diplomat|diplomats|source|sources|spokesperson|spokesman|spokeswoman|aide|aides|adviser|advisers|advisor|advisors)\b|(?:[Oo]fficials|[Dd]iplomats|[Ss]ources)\b(?=\s+(?:said|say|says|told|warned|added|noted|familiar)))")]
    private static partial Regex UnnamedSource();

    [GeneratedRegex(@"\G(?:He|She|They|he|she|they)\b")]
    private static partial Regex Pronoun();
}
