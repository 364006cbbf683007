using AlliancePositions.Core.Actors;

namespace AlliancePositions.Core.Suggestions;

/// <summary>
/// How English news text names an office: "Federal Chancellor of Germany" is "the chancellor" or "the German
/// chancellor"; a defence minister is also "the defense minister" or "the minister of defence". Language rules only.
/// </summary>
public static class OfficeTitles
{
    private static readonly string[] Modifiers = ["federal ", "us ", "u.s. ", "uk ", "eu "];

    private static readonly Dictionary<OfficeKind, string[]> Synonyms = new()
    {
        [OfficeKind.ForeignMinister] = ["foreign minister", "minister of foreign affairs", "foreign secretary", "secretary of state", "top diplomat"],
        [OfficeKind.DefenceMinister] = ["defence minister", "defense minister", "minister of defence", "minister of defense", "defence secretary",
            "defense secretary", "secretary of defense"],
    };

    // Adjectives for the countries news text names most; any other country is still matched by name ("Chile's president").
    private static readonly Dictionary<string, string[]> DemonymsByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = ["US", "U.S.", "American"], ["GB"] = ["British", "UK"], ["FR"] = ["French"], ["DE"] = ["German"], ["IT"] = ["Italian"],
        ["ES"] = ["Spanish"], ["PL"] = ["Polish"], ["EE"] = ["Estonian"], ["LV"] = ["Latvian"], ["LT"] = ["Lithuanian"], ["FI"] = ["Finnish"],
        ["SE"] = ["Swedish"], ["NO"] = ["Norwegian"], ["DK"] = ["Danish"], ["NL"] = ["Dutch"], ["BE"] = ["Belgian"], ["CZ"] = ["Czech"],
        ["SK"] = ["Slovak"], ["HU"] = ["Hungarian"], ["RO"] = ["Romanian"], ["BG"] = ["Bulgarian"], ["GR"] = ["Greek"], ["PT"] = ["Portuguese"],
        ["AT"] = ["Austrian"], ["CA"] = ["Canadian"], ["TR"] = ["Turkish"], ["UA"] = ["Ukrainian"], ["RU"] = ["Russian"], ["CN"] = ["Chinese"],
        ["JP"] = ["Japanese"], ["IE"] = ["Irish"], ["HR"] = ["Croatian"], ["SI"] = ["Slovenian"], ["IS"] = ["Icelandic"], ["AL"] = ["Albanian"],
        ["MK"] = ["North Macedonian"], ["ME"] = ["Montenegrin"], ["LU"] = ["Luxembourgish"], ["AU"] = ["Australian"], ["IL"] = ["Israeli"],
    };

    public static IEnumerable<string> Demonyms(DirectoryCountry country) =>
        DemonymsByCode.TryGetValue(country.Code, out var names) ? names : [];

    /// <summary>The lower-case titles an office goes by, without article or country.</summary>
    public static IReadOnlyList<string> Of(string office, OfficeKind kind, IReadOnlyList<DirectoryCountry> countries)
    {
        var titles = new List<string>();
        var lower = office.Trim().ToLowerInvariant();
        var of = lower.IndexOf(" of ", StringComparison.Ordinal);
        var tail = of < 0 ? "" : lower[(of + 4)..];
        var tailIsCountry = countries.Any(c => string.Equals(c.Name, tail, StringComparison.OrdinalIgnoreCase));
        var head = of < 0 || !tailIsCountry ? lower : lower[..of];
        foreach (var country in countries)
            foreach (var demonym in Demonyms(country))
                if (head.StartsWith(demonym.ToLowerInvariant() + " ", StringComparison.Ordinal)) head = head[(demonym.Length + 1)..];
        titles.Add(head);
        foreach (var modifier in Modifiers)
            if (head.StartsWith(modifier, StringComparison.Ordinal)) titles.Add(head[modifier.Length..]);
        if (Synonyms.TryGetValue(kind, out var synonyms)) titles.AddRange(synonyms);
        return titles.Where(t => t.Length >= 4).Distinct().ToList();
    }
}
