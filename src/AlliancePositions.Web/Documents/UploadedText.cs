using AlliancePositions.Core.Sources;

namespace AlliancePositions.Web.Documents;

/// <summary>The text of an uploaded source file: .txt and .md as they are, .html reduced to its readable text.</summary>
public static class UploadedText
{
    public static readonly string[] Extensions = [".txt", ".md", ".html", ".htm"];

    /// <summary>Four bytes per character at most in UTF-8: enough for the longest text a document may hold.</summary>
    public const long MaxBytes = 4L * Core.Editing.InputRules.MaxDocumentText;

    /// <summary>The file's text and title (from an HTML page's title), or a problem worded for the upload field.</summary>
    public static (ReadableText? Text, string? Problem) Read(string fileName, string content) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" or ".md" => (new ReadableText(null, content), null),
            ".html" or ".htm" => (HtmlText.Reduce(content), null),
            var other => (null, $"\"{fileName}\" is not a .txt, .md or .html file{(other.Length > 0 ? "" : " (it has no extension)")}."),
        };
}
