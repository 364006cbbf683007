using System.Text;

namespace AlliancePositions.Core.Dates;

/// <summary>
/// The kebab-case wire strings of the project's enums ("head-of-state", "leans-support"), used by the corpus format,
/// the API and the database alike, so one spelling exists for each value.
/// </summary>
public static class WireNames
{
    public static string ToWire<T>(this T value) where T : struct, Enum => Kebab(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Kebab(candidate.ToString()), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ToWire()).ToList();

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
