using AlliancePositions.Core.Questions;
using AlliancePositions.Web.Statements;

namespace AlliancePositions.Web.Tests.Statements;

public class CodingScaleTests
{
    private static readonly QuestionSummary Nato = new("nato-involvement", "Should NATO be directly involved?", "nato-involvement", "NATO involvement",
        "NATO must stay out of the war", "Calls for NATO to take part");

    [Fact]
    public void A_leaning_quotes_the_poles_meaning_as_written_so_an_acronym_keeps_its_capitals()
    {
        Assert.Equal("−1 · Leans towards: NATO must stay out of the war", CodingScale.Describe(-1, Nato));
        Assert.Equal("+1 · Leans towards: Calls for NATO to take part", CodingScale.Describe(1, Nato));
    }
}
