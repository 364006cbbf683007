using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;

namespace AlliancePositions.Core.Tests.Stances;

public class SimilarActorsQueryTests
{
    private static readonly DateOnly AfterTheReport = new(2024, 4, 30);

    [Fact]
    public async Task Similar_actors_to_Scholz_carry_the_same_overall_agreement_as_the_compare_view()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StanceQueries(database);
        var ct = TestContext.Current.CancellationToken;
        var scholz = await queries.ForActorAsync("olaf-scholz", AfterTheReport, AfterTheReport, StanceLens.Default, ct);

        var similar = await queries.SimilarActorsAsync("olaf-scholz", scholz.Keys.ToList(), AfterTheReport, AfterTheReport, StanceLens.Default, 20, ct);

        Assert.NotEmpty(similar);
        Assert.DoesNotContain(similar, s => s.Actor.Slug == "olaf-scholz");
        Assert.Equal(similar.OrderByDescending(s => s.Score).Select(s => s.Score), similar.Select(s => s.Score));
        foreach (var other in similar)
        {
            var theirs = await queries.ForActorAsync(other.Actor.Slug, AfterTheReport, AfterTheReport, StanceLens.Default, ct);
            var overall = Agreement.Overall(scholz, theirs);
            Assert.Equal((overall.Score, overall.SharedQuestions), ((double?)other.Score, other.SharedQuestions));
        }
    }

    [Fact]
    public async Task An_actor_with_no_record_has_no_similar_actors()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var day = new DateOnly(2024, 1, 1);

        var similar = await new StanceQueries(database).SimilarActorsAsync("olaf-scholz", [], day, day, StanceLens.Default, 5, TestContext.Current.CancellationToken);

        Assert.Empty(similar);
    }

    [Fact]
    public async Task Seed_sentences_read_each_history_with_the_month_the_source_gives_and_the_poles_of_the_question()
    {
        await using var database = await SeededDatabase.CreateAsync();
        var queries = new StanceQueries(database);
        var ct = TestContext.Current.CancellationToken;
        var questions = await new QuestionQueries(database).ListAsync(ct);
        var troops = questions.Single(q => q.Slug == "troop-deployment");

        async Task<IReadOnlyList<StanceSentence>> SentencesOf(string slug, string name) => StanceSentences.ForActor(name, questions,
            await queries.ForActorAsync(slug, AfterTheReport, AfterTheReport, StanceLens.Default, ct),
            await queries.HistoryAsync(slug, AfterTheReport, AfterTheReport, StanceLens.Default, ct));
        var macron = await SentencesOf("emmanuel-macron", "Emmanuel Macron");
        var scholz = await SentencesOf("olaf-scholz", "Olaf Scholz");

        Assert.Equal(questions.Count, macron.Count);
        // Macron's two February statements ("earlier in February": month precision) on troops, read by 2.0 as leaning support.
        Assert.Equal($"Emmanuel Macron has consistently supported (leaning towards “{troops.PlusTwoMeans}”) since Feb 2024, on 2 statements.",
            macron.Single(s => s.Question == "troop-deployment").Text);
        Assert.Equal($"Olaf Scholz opposes (towards “{troops.MinusTwoMeans}”), on a single statement of Feb 2024.",
            scholz.Single(s => s.Question == "troop-deployment").Text);
        Assert.Equal("Olaf Scholz has said nothing on this.", scholz.Single(s => s.Question == "nato-involvement").Text);
    }
}
