using System.Globalization;
using AlliancePositions.Core.Dates;
using System.Text;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Web.Statements;

/// <summary>
/// Statements as CSV (RFC 4180): every cell quoted when it holds a comma, quote or line break, quotes doubled, CRLF
/// line ends. A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading '
/// (OWASP "CSV injection"): summaries and quotes are text from outside sources.
/// </summary>
public static class StatementCsv
{
    public static readonly string[] Columns =
    [
        "key", "date", "date_precision", "actor", "actor_name", "kind", "summary", "quote", "credibility",
        "source_grade", "grade", "document", "meeting", "codings",
    ];

    public static string Row(StatementRow row) => Line(
    [
        row.Key, row.When.ToIsoPrefix(), row.When.Precision.ToWire(), row.ActorSlug, row.ActorName, row.Kind.ToWire(),
        row.Summary, row.Quote, ((int)row.Credibility).ToString(CultureInfo.InvariantCulture), row.SourceGrade.ToString(),
        Admiralty.Format(row.SourceGrade, row.Credibility), row.DocumentKey, row.MeetingKey,
        string.Join("; ", row.Codings.Select(c => $"{c.Question} {c.Position.ToString("+0;-0;0", CultureInfo.InvariantCulture)} ({c.Coder})")),
    ]);

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needsQuotes ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static async Task WriteAsync(Stream body, string stamp, IAsyncEnumerable<StatementRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line([$"# {stamp}"]));
        await writer.WriteAsync(Line(Columns));
        await foreach (var row in rows.WithCancellation(cancellationToken))
            await writer.WriteAsync(Row(row));
        await writer.FlushAsync(cancellationToken);
    }
}
