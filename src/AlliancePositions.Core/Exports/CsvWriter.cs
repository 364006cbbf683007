using System.Text.RegularExpressions;

namespace AlliancePositions.Core.Exports;

/// <summary>
/// The one CSV writer every export uses (RFC 4180 with CRLF line ends). Every cell is quoted, quotes doubled, and a
/// cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading ' unless it is a plain
/// number such as -2 or 0.5 (OWASP "CSV injection"): names, summaries and quotes are text from outside sources.
/// Comment lines (# ...) are one quoted cell too, with line breaks and other control characters turned into spaces.
/// </summary>
public sealed partial class CsvWriter(TextWriter output)
{
    public const string LineEnd = "\r\n";

    public void WriteComment(string text) => output.Write(Comment(text));

    public Task WriteCommentAsync(string text) => output.WriteAsync(Comment(text));

    public void WriteRow(IEnumerable<string?> cells) => output.Write(Line(cells));

    public Task WriteRowAsync(IEnumerable<string?> cells) => output.WriteAsync(Line(cells));

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + LineEnd;

    public static string Comment(string text) => Line(["# " + OneLine(text)]);

    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value)) value = "'" + value;
        return $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>A comment holds values from the request (a filter, say): it stays one line whatever they contain.</summary>
    private static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
    });

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
