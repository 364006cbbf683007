using System.Globalization;
using AlliancePositions.Core.Exports;
using System.Text;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Web.Statements;

/// <summary>Statements as CSV, through the one <see cref="CsvWriter"/>: summaries and quotes are text from outside sources.</summary>
public static class StatementCsv
{
    public static readonly string[] Columns =
    [
        "key", "date", "date_precision", "actor", "actor_name", "kind", "summary", "quote", "credibility",
        "source_grade", "grade", "document", "meeting", "codings",
    ];

    public static IEnumerable<string?> Cells(StatementRow row) =>
    [
        row.Key, row.When.ToIsoPrefix(), row.When.Precision.ToWire(), row.ActorSlug, row.ActorName, row.Kind.ToWire(),
        row.Summary, row.Quote, ((int)row.Credibility).ToString(CultureInfo.InvariantCulture), row.SourceGrade.ToString(),
        Admiralty.Format(row.SourceGrade, row.Credibility), row.DocumentKey, row.MeetingKey,
        string.Join("; ", row.Codings.Select(c => $"{c.Question} {c.Position.ToString("+0;-0;0", CultureInfo.InvariantCulture)} ({c.Coder})")),
    ];

    public static async Task WriteAsync(Stream body, string stamp, IAsyncEnumerable<StatementRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(writer);
        await csv.WriteCommentAsync(stamp);
        await csv.WriteRowAsync(Columns);
        await foreach (var row in rows.WithCancellation(cancellationToken))
            await csv.WriteRowAsync(Cells(row));
        await writer.FlushAsync(cancellationToken);
    }
}
