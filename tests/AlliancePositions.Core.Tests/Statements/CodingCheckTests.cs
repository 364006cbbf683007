using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Statements;

public class CodingCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Codings_are_checked_field_by_field_without_writing_anything()
    {
        await using var database = await TestDatabase.CreateAsync();
        var records = new TestRecords(database);
        await records.QuestionAsync("troop-deployment");
        await records.QuestionAsync("nato-involvement");
        var service = new StatementService(database, new FakeTimeProvider(), NullLogger<StatementService>.Instance);

        var errors = await service.CheckCodingsAsync(
            [new("troop-deployment", 1), new("no-such-question", 0), new("troop-deployment", 3)], Ct);

        Assert.Equal(["codings[1].question", "codings[2].position", "codings[2].question"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("outside -2..+2", errors["codings[2].position"][0], StringComparison.Ordinal);
        Assert.Contains("coded twice", errors["codings[2].question"][0], StringComparison.Ordinal);
        Assert.Empty(await service.CheckCodingsAsync([new("troop-deployment", -2), new("nato-involvement", 2)], Ct));
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }
}
