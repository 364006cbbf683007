using System.Text.Json;
using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlliancePositions.Core.Questions;

/// <summary>A new topic, or the new values of one (the key never changes); the parent by key, none for a top-level topic.</summary>
public sealed record TopicRequest(string Name, string? Parent = null, string? Key = null);

/// <summary>
/// A new question, or the new values of one (the key never changes): the title as a yes/no question, its topic by key,
/// and what each pole of the -2..+2 scale means.
/// </summary>
public sealed record QuestionRequest(string Title, string Topic, string MinusTwoMeans, string PlusTwoMeans, string? Key = null);

public sealed record TopicVersion(string Key, int Version, string Name, string? Parent);

public sealed record QuestionVersion(string Key, int Version, string Title, string Topic, string MinusTwoMeans, string PlusTwoMeans);

/// <summary>
/// Analysts manage the vocabulary statements are coded in: topics and questions, created the moment a debate starts.
/// Every write is checked (400 with field errors), audited in the same save as the change, and an update names the
/// version the user read. Keys never change once given, since addresses and exports cite them.
/// </summary>
public sealed class QuestionService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<QuestionService> logger)
{
    public const int MaxQuestionKey = 60;

    public async Task<WriteResult<TopicVersion>> CreateTopicAsync(TopicRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        var parent = await CheckTopicAsync(db, errors, request, self: null, cancellationToken);
        CheckKey(errors, request.Key);
        if (errors.Any) return WriteResult<TopicVersion>.Invalid(errors.ToDictionary());
        var taken = await db.Topics.Select(t => t.Slug).ToListAsync(cancellationToken);
        if (request.Key is { Length: > 0 } key && taken.Contains(key)) return WriteResult<TopicVersion>.Duplicate(key);
        var topic = new Topic { Slug = request.Key is { Length: > 0 } k ? k : Slug.Unique(request.Name, taken.Contains), Name = request.Name.Trim(), Parent = parent };
        db.Topics.Add(topic);
        Audit(db, editor, "create", "Topic", topic.Slug, null, TopicValues(topic));
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<TopicVersion>.Ok(ToVersion(topic));
    }

    public async Task<WriteResult<TopicVersion>> UpdateTopicAsync(string key, int expectedVersion, TopicRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var topic = await db.Topics.Include(t => t.Parent).FirstOrDefaultAsync(t => t.Slug == key, cancellationToken);
        if (topic is null) return WriteResult<TopicVersion>.NotFound();
        if (topic.Version != expectedVersion) return Conflict(ToVersion(topic), editor);
        var errors = new FieldErrors();
        var parent = await CheckTopicAsync(db, errors, request, topic, cancellationToken);
        if (errors.Any) return WriteResult<TopicVersion>.Invalid(errors.ToDictionary());
        var before = TopicValues(topic);
        (topic.Name, topic.Parent, topic.ParentId) = (request.Name.Trim(), parent, parent?.Id);
        topic.Version++;
        Audit(db, editor, "update", "Topic", topic.Slug, before, TopicValues(topic));
        if (await SaveAsync(db, topic, expectedVersion, cancellationToken)) return WriteResult<TopicVersion>.Ok(ToVersion(topic));
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return Conflict(ToVersion(await fresh.Topics.AsNoTracking().Include(t => t.Parent).FirstAsync(t => t.Slug == key, cancellationToken)), editor);
    }

    public async Task<WriteResult<QuestionVersion>> CreateQuestionAsync(QuestionRequest request, Editor editor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new FieldErrors();
        var topic = await CheckQuestionAsync(db, errors, request, cancellationToken);
        CheckKey(errors, request.Key);
        if (errors.Any) return WriteResult<QuestionVersion>.Invalid(errors.ToDictionary());
        var taken = await db.Questions.Select(q => q.Slug).ToListAsync(cancellationToken);
        if (request.Key is { Length: > 0 } key && taken.Contains(key)) return WriteResult<QuestionVersion>.Duplicate(key);
        var question = new Question
        {
            Slug = request.Key is { Length: > 0 } k ? k : Slug.Unique(KeyFromTitle(request.Title), taken.Contains), Title = request.Title.Trim(), Topic = topic!,
            MinusTwoMeans = request.MinusTwoMeans.Trim(), PlusTwoMeans = request.PlusTwoMeans.Trim(),
        };
        db.Questions.Add(question);
        Audit(db, editor, "create", "Question", question.Slug, null, QuestionValues(question));
        await db.SaveChangesAsync(cancellationToken);
        return WriteResult<QuestionVersion>.Ok(ToVersion(question));
    }

    public async Task<WriteResult<QuestionVersion>> UpdateQuestionAsync(string key, int expectedVersion, QuestionRequest request, Editor editor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var question = await db.Questions.Include(q => q.Topic).FirstOrDefaultAsync(q => q.Slug == key, cancellationToken);
        if (question is null) return WriteResult<QuestionVersion>.NotFound();
        if (question.Version != expectedVersion) return Conflict(ToVersion(question), editor);
        var errors = new FieldErrors();
        var topic = await CheckQuestionAsync(db, errors, request, cancellationToken);
        if (errors.Any) return WriteResult<QuestionVersion>.Invalid(errors.ToDictionary());
        var before = QuestionValues(question);
        (question.Title, question.Topic, question.MinusTwoMeans, question.PlusTwoMeans) =
            (request.Title.Trim(), topic!, request.MinusTwoMeans.Trim(), request.PlusTwoMeans.Trim());
        question.Version++;
        Audit(db, editor, "update", "Question", question.Slug, before, QuestionValues(question));
        if (await SaveAsync(db, question, expectedVersion, cancellationToken)) return WriteResult<QuestionVersion>.Ok(ToVersion(question));
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return Conflict(ToVersion(await fresh.Questions.AsNoTracking().Include(q => q.Topic).FirstAsync(q => q.Slug == key, cancellationToken)), editor);
    }

    public async Task<TopicVersion?> FindTopicAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Topics.AsNoTracking().Include(t => t.Parent).FirstOrDefaultAsync(t => t.Slug == key, cancellationToken) is { } t ? ToVersion(t) : null;
    }

    public async Task<QuestionVersion?> FindQuestionAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Questions.AsNoTracking().Include(q => q.Topic).FirstOrDefaultAsync(q => q.Slug == key, cancellationToken) is { } q ? ToVersion(q) : null;
    }

    private static async Task<Topic?> CheckTopicAsync(AppDbContext db, FieldErrors errors, TopicRequest request, Topic? self, CancellationToken cancellationToken)
    {
        InputRules.Required(errors, "name", request.Name, InputRules.MaxName, "The name");
        if (request.Parent is not { Length: > 0 } parentKey) return null;
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Slug, t.ParentId }).ToListAsync(cancellationToken);
        var parent = topics.FirstOrDefault(t => t.Slug == parentKey);
        if (parent is null)
        {
            errors.Add("parent", $"No topic has the key \"{parentKey}\".");
            return null;
        }
        // A topic cannot sit under itself or under one of its own sub-topics: the tree would become a loop.
        for (var at = parent; at is not null && self is not null; at = topics.FirstOrDefault(t => t.Id == at.ParentId))
            if (at.Id == self.Id)
            {
                errors.Add("parent", $"\"{parentKey}\" is this topic or one of its sub-topics; a topic cannot sit under itself.");
                return null;
            }
        return await db.Topics.FirstAsync(t => t.Id == parent.Id, cancellationToken);
    }

    private static async Task<Topic?> CheckQuestionAsync(AppDbContext db, FieldErrors errors, QuestionRequest request, CancellationToken cancellationToken)
    {
        InputRules.Required(errors, "title", request.Title, InputRules.MaxTitle, "The question");
        InputRules.Required(errors, "minusTwoMeans", request.MinusTwoMeans, InputRules.MaxMeaning, "What -2 means");
        InputRules.Required(errors, "plusTwoMeans", request.PlusTwoMeans, InputRules.MaxMeaning, "What +2 means");
        if (request.Topic is not { Length: > 0 })
        {
            errors.Add("topic", "Choose the topic the question belongs to.");
            return null;
        }
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Slug == request.Topic, cancellationToken);
        if (topic is null) errors.Add("topic", $"No topic has the key \"{request.Topic}\".");
        return topic;
    }

    private static void CheckKey(FieldErrors errors, string? key)
    {
        if (key is { Length: > 0 } && !Slug.IsValid(key))
            errors.Add("key", $"\"{key}\" is not a key: use lower-case letters, digits and hyphens (e.g. long-range-strikes), at most {InputRules.MaxSlug} characters.");
    }

    /// <summary>"Should Ukraine strike targets inside Russia with Western weapons?" gives a key of whole words, at most 60 characters.</summary>
    private static string KeyFromTitle(string title)
    {
        var slug = Slug.From(title);
        if (slug.Length <= MaxQuestionKey) return slug;
        var cut = slug.LastIndexOf('-', MaxQuestionKey);
        return cut > 0 ? slug[..cut] : slug[..MaxQuestionKey];
    }

    /// <summary>Saves only if the row is still at the version read; EF compares it at save time, so a change in between is caught.</summary>
    private static async Task<bool> SaveAsync(AppDbContext db, object record, int expectedVersion, CancellationToken cancellationToken)
    {
        db.Entry(record).Property("Version").OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Topics and questions are not editable records (no soft delete), so their audit row is written here, in the same save.</summary>
    private void Audit(AppDbContext db, Editor editor, string action, string type, string key, Dictionary<string, object?>? before, Dictionary<string, object?> after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserName = editor.UserName, Action = action, RecordType = type, RecordKey = key,
            OldValues = before is null ? null : JsonSerializer.Serialize(before), NewValues = JsonSerializer.Serialize(after),
        });

    private static Dictionary<string, object?> TopicValues(Topic t) => new() { ["Name"] = t.Name, ["Parent"] = t.Parent?.Slug };

    private static Dictionary<string, object?> QuestionValues(Question q) => new()
    {
        ["Title"] = q.Title, ["Topic"] = q.Topic.Slug, ["MinusTwoMeans"] = q.MinusTwoMeans, ["PlusTwoMeans"] = q.PlusTwoMeans,
    };

    private WriteResult<TopicVersion> Conflict(TopicVersion current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of topic {TopicKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<TopicVersion>.Conflict(current);
    }

    private WriteResult<QuestionVersion> Conflict(QuestionVersion current, Editor editor)
    {
        logger.LogWarning("Refused a stale save of question {QuestionKey} by {User}: it is at version {Version}", current.Key, editor.UserName, current.Version);
        return WriteResult<QuestionVersion>.Conflict(current);
    }

    private static TopicVersion ToVersion(Topic t) => new(t.Slug, t.Version, t.Name, t.Parent?.Slug);

    private static QuestionVersion ToVersion(Question q) => new(q.Slug, q.Version, q.Title, q.Topic.Slug, q.MinusTwoMeans, q.PlusTwoMeans);
}
