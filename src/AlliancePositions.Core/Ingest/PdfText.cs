using System.Text;
using AlliancePositions.Core.Sources;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AlliancePositions.Core.Ingest;

/// <summary>The text of a PDF, read with PdfPig in content order (the order the producer wrote it), pages separated by a blank line.</summary>
public static class PdfText
{
    /// <summary>The text and the document's title (from its properties), or null when the bytes are not a readable PDF.</summary>
    public static ReadableText? Extract(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                var pageText = ContentOrderTextExtractor.GetText(page).Trim();
                if (pageText.Length == 0) continue;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(pageText);
            }
            var title = document.Information.Title is { Length: > 0 } t ? HtmlText.OneLine(t) : null;
            return new ReadableText(string.IsNullOrEmpty(title) ? null : title, DocumentText.Normalize(text.ToString()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws many kinds of exception for damaged or encrypted files; each means the same to the analyst.
            return null;
        }
    }
}
