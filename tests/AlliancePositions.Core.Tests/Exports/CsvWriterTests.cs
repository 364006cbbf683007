using AlliancePositions.Core.Exports;

namespace AlliancePositions.Core.Tests.Exports;

public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("he said \"no\"", "\"he said \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("+1-1", "\"'+1-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("", "\"\"")]
    [InlineData(null, "\"\"")]
    public void Every_cell_is_quoted_and_a_formula_is_neutralised(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Cell(value));

    [Theory]
    [InlineData("-2")]
    [InlineData("+1")]
    [InlineData("0.1875")]
    [InlineData("-0.5")]
    public void A_plain_number_keeps_its_sign(string number) =>
        Assert.Equal($"\"{number}\"", CsvWriter.Cell(number));

    [Fact]
    public void A_comment_stays_one_quoted_line_whatever_it_holds()
    {
        var line = CsvWriter.Comment("topic=x\r\n=HYPERLINK(\"y\"),z");

        Assert.Equal("\"# topic=x  =HYPERLINK(\"\"y\"\"),z\"\r\n", line);
    }

    [Fact]
    public void Rows_end_with_crlf()
    {
        using var text = new StringWriter();
        new CsvWriter(text).WriteRow(["a", "-1", "=1"]);
        Assert.Equal("\"a\",\"-1\",\"'=1\"\r\n", text.ToString());
    }
}
