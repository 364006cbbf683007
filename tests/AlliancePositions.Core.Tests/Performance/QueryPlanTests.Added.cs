using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Changes;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Tests.Corpus.Generation;

namespace AlliancePositions.Core.Tests.Performance;

/// <summary>"Added since" reaches the audit log through its time index, however long the log has grown.</summary>
public partial class QueryPlanTests
{
    [Fact]
    public async Task Added_since_reads_the_audit_log_through_its_time_index_not_by_a_full_scan()
    {
        var recorder = new CommandRecorder();
        await using var database = await GeneratedDatabase.CreateAsync(200, actors: 20, seed: 7, recorder);
        var now = DateTimeOffset.UtcNow;
        await using (var db = database.CreateDbContext())
        {
            // Two weeks of a busy log, one row a minute; the last hour is what is asked for.
            db.AuditEntries.AddRange(Enumerable.Range(0, 20_000).Select(i => new AuditEntry
            {
                At = now.AddMinutes(-20_000 + i), UserName = "ana", Action = i % 3 == 0 ? "update" : "create",
                RecordType = i % 2 == 0 ? "Statement" : "Annotation", RecordKey = $"k{i}",
            }));
            await db.SaveChangesAsync(Ct);
        }
        recorder.Clear();

        var added = await new ChangeQueries(database, new StanceQueries(database), TimeProvider.System).AddedSinceAsync(now.AddMinutes(-60), 1, 50, Ct);

        Assert.InRange(added.Total, 15, 25);
        var scans = recorder.Commands.SelectMany(c => FullScans(database, c, ["AuditEntries"])).ToList();
        Assert.True(scans.Count == 0, $"added since scans the audit log:\n{string.Join("\n", scans)}");
        var reads = recorder.Commands.Where(c => c.Sql.Contains("AuditEntries", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, read => Assert.Contains(Plan(database, read), line => line.Contains("USING INDEX IX_AuditEntries_Action_At (Action=? AND At>?)", StringComparison.Ordinal)));
    }
}
