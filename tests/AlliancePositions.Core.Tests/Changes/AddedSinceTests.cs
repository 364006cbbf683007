using AlliancePositions.Core.Changes;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Tests.Editing;

namespace AlliancePositions.Core.Tests.Changes;

/// <summary>"Added since": what was recorded after an instant, from the audit log's create rows, whatever its event date.</summary>
public class AddedSinceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChangeQueries Changes(TestDatabase database) => new(database, new StanceQueries(database), TimeProvider.System);

    /// <summary>Waits until the clock has moved on, so an instant taken now is strictly after what was written before.</summary>
    private static async Task<DateTimeOffset> InstantBetweenWritesAsync()
    {
        await Task.Delay(20, Ct);
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(20, Ct);
        return now;
    }

    [Fact]
    public async Task Two_statements_recorded_now_about_a_2024_speech_are_added_since_though_nothing_is_new_by_event_date()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var actor = await edits.ActorAsync();
        var (_, annotation) = await edits.EvidenceAsync();
        var since = await InstantBetweenWritesAsync();
        var first = await edits.StatementAsync(actor, annotation);
        var second = await edits.StatementAsync(actor, annotation);

        var byEventDate = await Changes(database).SinceAsync(DateOnly.FromDateTime(since.UtcDateTime).AddDays(-30), Ct);
        var added = await Changes(database).AddedSinceAsync(since, 1, 50, Ct);

        Assert.Empty(byEventDate.Statements);
        Assert.Equal(2, added.Total);
        Assert.Equal([second, first], added.Items.Select(i => i.Key));
        Assert.All(added.Items, i =>
        {
            Assert.Equal(AddedKind.Statement, i.Kind);
            Assert.Equal("Rules out ground troops", i.Title);
            Assert.Equal(actor, i.Actor);
            Assert.Equal(EditFixture.Ana.UserName, i.AddedBy);
            Assert.True(i.AddedAt >= since);
        });
    }

    [Fact]
    public async Task Added_since_lists_documents_codings_and_records_deleted_since_newest_first_one_page_at_a_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await new TestRecords(database).QuestionAsync("troop-deployment");
        var edits = new EditFixture(database);
        var actor = await edits.ActorAsync();
        var since = await InstantBetweenWritesAsync();
        var (document, annotation) = await edits.EvidenceAsync();
        var statement = await edits.StatementAsync(actor, annotation);
        var coding = (await edits.Statements.CodeAsync(statement, new("troop-deployment", -2), EditFixture.Ana, Ct)).Value!;
        var gone = await edits.StatementAsync(actor, annotation);
        await edits.Statements.DeleteAsync(gone, EditFixture.Ben, Ct);

        var all = await Changes(database).AddedSinceAsync(since, 1, 50, Ct);
        var second = await Changes(database).AddedSinceAsync(since, 2, 2, Ct);

        Assert.Equal([(AddedKind.Statement, gone), (AddedKind.Coding, coding), (AddedKind.Statement, statement), (AddedKind.Document, document)],
            all.Items.Select(i => (i.Kind, i.Key)));
        Assert.True(all.Items[0].DeletedSince);
        Assert.Null(all.Items[0].Title);
        Assert.Equal((statement, "troop-deployment", -2, "Troop deployment?"), (all.Items[1].Statement, all.Items[1].Question, all.Items[1].Position, all.Items[1].Title));
        Assert.Equal("A report", all.Items[3].Title);
        Assert.Equal(4, second.Total);
        Assert.Equal([statement, document], second.Items.Select(i => i.Key));
    }

    [Fact]
    public async Task Nothing_added_after_the_instant_is_an_empty_page()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        await edits.EvidenceAsync();
        var since = await InstantBetweenWritesAsync();

        var added = await Changes(database).AddedSinceAsync(since, 1, 50, Ct);

        Assert.Empty(added.Items);
        Assert.Equal(0, added.Total);
    }
}
