using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Statements;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Audit;

public class AuditQueriesTests
{
    private static readonly Editor Ana = new("ana@example.org", "user-ana");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_log_is_newest_first_and_paged_with_its_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var statements = new StatementService(database, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<StatementService>.Instance);
        var key = await StatementAsync(database);
        await statements.DeleteAsync(key, Ana, Ct);
        await statements.RestoreAsync(key, Ana, Ct);
        await statements.DeleteAsync(key, Ana, Ct);

        var first = await new AuditQueries(database).ListAsync(1, 2, Ct);
        var second = await new AuditQueries(database).ListAsync(2, 2, Ct);

        Assert.Equal(3, first.Total);
        Assert.Equal(["delete", "restore"], first.Items.Select(r => r.Action));
        Assert.Equal(["delete"], second.Items.Select(r => r.Action));
        Assert.All(first.Items, r => Assert.Equal((key, "ana@example.org"), (r.RecordKey, r.UserName)));
        Assert.NotNull(first.Items[0].OldValues);
    }

    [Fact]
    public async Task Deleted_statements_are_listed_until_restored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var statements = new StatementService(database, new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<StatementService>.Instance);
        var key = await StatementAsync(database);
        var deleted = new DeletedRecordQueries(database);
        Assert.Equal(0, (await deleted.ListAsync(50, Ct)).Total);

        await statements.DeleteAsync(key, Ana, Ct);
        var row = Assert.Single((await deleted.ListAsync(50, Ct)).Rows);
        Assert.Equal((DeletedKind.Statement, key, "ana@example.org"), (row.Kind, row.Key, row.DeletedBy));

        await statements.RestoreAsync(key, Ana, Ct);
        Assert.Empty((await deleted.ListAsync(50, Ct)).Rows);
    }

    private static async Task<string> StatementAsync(TestDatabase database)
    {
        var records = new TestRecords(database);
        return (await records.StatementAsync(await records.ActorAsync("Olaf Scholz"))).Key;
    }
}
