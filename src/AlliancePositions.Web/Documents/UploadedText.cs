using System.Text;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Web.Documents;

/// <summary>
/// The text of an uploaded source file: .txt and .md as they are, .html reduced to its article's readable text, .pdf
/// read with PdfPig.
/// </summary>
public static class UploadedText
{
    public static readonly string[] Extensions = [".txt", ".md", ".html", ".htm", ".pdf"];

    /// <summary>
    /// Four bytes per character at most in UTF-8: enough for the longest text a document may hold. A PDF carries its
    /// text with fonts and layout, so it may take the same 10 MB a fetch reads.
    /// </summary>
    public const long MaxBytes = 4L * Core.Editing.InputRules.MaxDocumentText;

    public const long MaxPdfBytes = 10L * 1024 * 1024;

    /// <summary>The file's text and title (from an HTML page's title), or a problem worded for the upload field.</summary>
    public static (ReadableText? Text, string? Problem) Read(string fileName, string content) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" or ".md" => (new ReadableText(null, content), null),
            ".html" or ".htm" => (HtmlText.Reduce(content), null),
            ".pdf" => (null, $"\"{fileName}\" is a PDF: send its bytes, not text."),
            var other => (null, $"\"{fileName}\" is not a .txt, .md, .html or .pdf file{(other.Length > 0 ? "" : " (it has no extension)")}."),
        };

    /// <summary>The file's text from its bytes (UTF-8, a BOM honoured; a PDF's text layer), or a problem worded for the upload field.</summary>
    public static (ReadableText? Text, string? Problem) Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension != ".pdf") return Read(fileName, Decode(content));
        if (PdfText.Extract(content) is not { } pdf) return (null, $"\"{fileName}\" could not be read as a PDF (damaged, encrypted or not a PDF).");
        if (string.IsNullOrWhiteSpace(pdf.Text)) return (null, $"\"{fileName}\" has no text layer (a scanned image?): there is no text to store.");
        return (pdf, null);
    }

    private static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
