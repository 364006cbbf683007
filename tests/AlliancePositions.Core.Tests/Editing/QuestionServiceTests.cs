using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlliancePositions.Core.Tests.Editing;

public class QuestionServiceTests
{
    private const string Strikes = "Should Ukraine strike targets inside Russia with Western weapons?";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QuestionService Service(TestDatabase database) => new(database, EditFixture.Clock, NullLogger<QuestionService>.Instance);

    [Fact]
    public async Task A_new_question_gets_a_key_of_whole_words_and_an_audit_row()
    {
        await using var database = await SeededDatabase.CreateAsync();

        var created = await Service(database).CreateQuestionAsync(new QuestionRequest(Strikes, "escalation", "Rules out any such strikes", "Calls for strikes without limits"),
            EditFixture.Ana, Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        Assert.Equal("should-ukraine-strike-targets-inside-russia-with-western", created.Value!.Key);
        Assert.Equal(1, created.Value.Version);
        await using var db = database.CreateDbContext();
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "Question").ToListAsync(Ct));
        Assert.Equal(("create", created.Value.Key, "ana@example.org"), (audit.Action, audit.RecordKey, audit.UserName));
        Assert.Contains("Rules out any such strikes", audit.NewValues, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_without_poles_or_topic_is_refused_field_by_field()
    {
        await using var database = await SeededDatabase.CreateAsync();

        var refused = await Service(database).CreateQuestionAsync(new QuestionRequest(" ", "no-such-topic", "", "Calls for strikes", "Bad Key"), EditFixture.Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Equal(["key", "minusTwoMeans", "title", "topic"], refused.Errors!.Keys.Order());
        await using var db = database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_taken_question_key_is_a_duplicate()
    {
        await using var database = await SeededDatabase.CreateAsync();

        var duplicate = await Service(database).CreateQuestionAsync(new QuestionRequest(Strikes, "escalation", "No", "Yes", "troop-deployment"), EditFixture.Ana, Ct);

        Assert.Equal((WriteStatus.Duplicate, "troop-deployment"), (duplicate.Status, duplicate.ExistingKey));
    }

    [Fact]
    public async Task A_stale_question_edit_is_refused_with_the_other_analysts_values()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = Service(database);
        var read = (await service.FindQuestionAsync("troop-deployment", Ct))!;

        var first = await service.UpdateQuestionAsync("troop-deployment", read.Version, new QuestionRequest(read.Title, read.Topic, "Rules out troops", read.PlusTwoMeans), EditFixture.Ana, Ct);
        var second = await service.UpdateQuestionAsync("troop-deployment", read.Version, new QuestionRequest(read.Title, read.Topic, "Ben's wording", read.PlusTwoMeans), EditFixture.Ben, Ct);

        Assert.Equal(WriteStatus.Ok, first.Status);
        Assert.Equal(WriteStatus.Conflict, second.Status);
        var current = Assert.IsType<QuestionVersion>(second.Current);
        Assert.Equal(("Rules out troops", read.Version + 1), (current.MinusTwoMeans, current.Version));
        await using var db = database.CreateDbContext();
        Assert.Single(await db.AuditEntries.Where(a => a.RecordType == "Question").ToListAsync(Ct));
    }

    [Fact]
    public async Task A_topic_cannot_move_under_its_own_sub_topic()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var service = Service(database);
        var parent = (await service.CreateTopicAsync(new TopicRequest("Long-range weapons"), EditFixture.Ana, Ct)).Value!;
        var child = (await service.CreateTopicAsync(new TopicRequest("Strikes inside Russia", parent.Key), EditFixture.Ana, Ct)).Value!;

        var loop = await service.UpdateTopicAsync(parent.Key, parent.Version, new TopicRequest(parent.Name, child.Key), EditFixture.Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, loop.Status);
        Assert.Contains("cannot sit under itself", loop.Errors!["parent"][0], StringComparison.Ordinal);
        Assert.Equal(("long-range-weapons", "long-range-weapons"), (parent.Key, child.Parent));
    }
}
