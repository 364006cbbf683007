using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Statements;

namespace AlliancePositions.Core.Tests;

/// <summary>
/// Stores the few records a test is about, named by the test, with defaults for the rest: for tests whose subject is
/// not the seed corpus (those use <see cref="SeededDatabase"/>).
/// <code>var records = new TestRecords(database); await records.ActorAsync("Olaf Scholz"); await records.QuestionAsync("troop-deployment");</code>
/// </summary>
public sealed class TestRecords(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An actor keyed by the slug of its name ("Olaf Scholz" is "olaf-scholz").</summary>
    public async Task<Actor> ActorAsync(string name, ActorKind kind = ActorKind.Person, string? country = null) =>
        await AddAsync(new Actor { Slug = Slug.From(name), Name = name, Kind = kind, CountryCode = country });

    public async Task<Topic> TopicAsync(string slug, Topic? parent = null) =>
        await AddAsync(new Topic { Slug = slug, Name = Title(slug), ParentId = parent?.Id });

    /// <summary>A question under <paramref name="topic"/>, or under a topic of its own when none is named.</summary>
    public async Task<Question> QuestionAsync(string slug, Topic? topic = null)
    {
        topic ??= await TopicAsync($"{slug}-topic");
        return await AddAsync(new Question
        {
            Slug = slug, Title = $"{Title(slug)}?", TopicId = topic.Id, MinusTwoMeans = "Rules it out", PlusTwoMeans = "Calls for it",
        });
    }

    /// <summary>A statement by <paramref name="by"/>, on 26 February 2024 unless the test names a day; no evidence.</summary>
    public async Task<Statement> StatementAsync(Actor by, string summary = "Rules out ground troops", DateOnly? on = null)
    {
        var statement = new Statement
        {
            Key = ShortKey.New(), ActorId = by.Id, Kind = StatementKind.Quote, Date = on ?? new DateOnly(2024, 2, 26), DatePrecision = DatePrecision.Day,
            Summary = summary,
        };
        statement.SummariseEvidence();
        return await AddAsync(statement);
    }

    private async Task<T> AddAsync<T>(T record) where T : class
    {
        await using var db = database.CreateDbContext();
        db.Add(record);
        await db.SaveChangesAsync(Ct);
        return record;
    }

    private static string Title(string slug) => char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
