using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Statements;

namespace AlliancePositions.Web.Tests.Statements;

public class StatementFilterQueryTests
{
    [Fact]
    public void Empty_query_is_every_statement_newest_first()
    {
        var binding = new StatementFilterQuery().Bind();
        Assert.True(binding.IsValid);
        Assert.Equal(new StatementFilter(), binding.Filter);
    }

    [Fact]
    public void Every_parameter_is_read()
    {
        var binding = new StatementFilterQuery(["troop-deployment"], "olaf-scholz", "troop-deployment", "reported", "2", " troops ",
            "2024-01-01", "2024-04-30", "credibility", "3", "25").Bind();

        Assert.True(binding.IsValid);
        Assert.Equal(new StatementFilter("troop-deployment", "olaf-scholz", "troop-deployment", StatementKind.Reported, Credibility.Probable,
            "troops", new DateOnly(2024, 1, 1), new DateOnly(2024, 4, 30), StatementSort.Credibility, 3, 25), binding.Filter);
    }

    [Theory]
    [InlineData("kind", "rumour")]
    [InlineData("credibility", "7")]
    [InlineData("credibility", "B")]
    [InlineData("from", "2024-02-30")]
    [InlineData("to", "30/04/2024")]
    [InlineData("sort", "loudest")]
    [InlineData("page", "0")]
    [InlineData("pageSize", "100000")]
    public void Unreadable_value_is_an_error_under_its_query_name(string name, string value)
    {
        var query = name switch
        {
            "kind" => new StatementFilterQuery(Kind: value),
            "credibility" => new StatementFilterQuery(Credibility: value),
            "from" => new StatementFilterQuery(From: value),
            "to" => new StatementFilterQuery(To: value),
            "sort" => new StatementFilterQuery(Sort: value),
            "page" => new StatementFilterQuery(Page: value),
            _ => new StatementFilterQuery(PageSize: value),
        };
        var binding = query.Bind();

        Assert.False(binding.IsValid);
        Assert.Contains(value, Assert.Single(Assert.Contains(name, binding.Errors)), StringComparison.Ordinal);
        Assert.Equal(new StatementFilter(), binding.Filter);
    }

    [Fact]
    public void Query_round_trips_and_leaves_defaults_out()
    {
        var filter = new StatementFilter(Topic: "escalation", Kind: StatementKind.Action, Credibility: Credibility.Possible,
            From: new DateOnly(2024, 2, 1), Sort: StatementSort.DateAscending, Page: 2);
        var query = StatementFilterQuery.ToQuery(filter);

        Assert.Null(query["pageSize"]);
        Assert.Null(query["actor"]);
        Assert.Equal("date-ascending", query["sort"]);
        var text = query.Where(p => p.Key != "topic").ToDictionary(p => p.Key, p => (string?)p.Value);
        var back = new StatementFilterQuery((string[]?)query["topic"], text["actor"], text["question"], text["kind"], text["credibility"], text["q"],
            text["from"], text["to"], text["sort"], text["page"], text["pageSize"]).Bind();
        Assert.Equal(filter, back.Filter);
    }
}
