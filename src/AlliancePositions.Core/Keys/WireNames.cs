using System.Text;

namespace AlliancePositions.Core.Keys;

/// <summary>
/// The kebab-case wire strings of the project's enums ("head-of-state", "leans-support"), used by the corpus format,
/// the API and the database alike, so one spelling exists for each value.
/// </summary>
public static class WireNames
{
    public static string ToWire<T>(this T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name) ? name : Kebab(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Names<T>.ByName.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.InOrder;

    /// <summary>
    /// Each enum's spellings, worked out once: the database converts these on every row it reads (a question at a
    /// million statements reads a hundred thousand), so they must not be rebuilt per value.
    /// </summary>
    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = Enum.GetValues<T>().Select(v => Kebab(v.ToString())).ToList();
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));
        public static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => Kebab(v.ToString()), v => v, StringComparer.Ordinal);
    }

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
