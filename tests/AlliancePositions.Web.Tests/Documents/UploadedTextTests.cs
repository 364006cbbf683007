using AlliancePositions.Web.Documents;

namespace AlliancePositions.Web.Tests.Documents;

public class UploadedTextTests
{
    [Theory]
    [InlineData("report.txt", "Plain <b>text</b>", "Plain <b>text</b>")]
    [InlineData("notes.MD", "# Heading\n\nBody", "# Heading\n\nBody")]
    [InlineData("page.html", "<html><body><p>Read <b>this</b>.</p><script>x()</script></body></html>", "Read this.")]
    public void Text_and_markdown_stay_as_they_are_and_html_is_reduced(string name, string content, string expected)
    {
        var (text, problem) = UploadedText.Read(name, content);

        Assert.Null(problem);
        Assert.Equal(expected, text!.Text);
    }

    [Fact]
    public void Another_kind_of_file_is_refused_by_name()
    {
        var (text, problem) = UploadedText.Read("report.docx", "PK");

        Assert.Null(text);
        Assert.Equal("\"report.docx\" is not a .txt, .md, .html or .pdf file.", problem);
    }

    [Fact]
    public void A_pdf_is_read_from_its_bytes()
    {
        var (text, problem) = UploadedText.Read("note.pdf", Ingest.FetchTests.Pdf("Ministers agreed to meet again in June."));

        Assert.Null(problem);
        Assert.Contains("Ministers agreed to meet again in June.", text!.Text);
    }
}
