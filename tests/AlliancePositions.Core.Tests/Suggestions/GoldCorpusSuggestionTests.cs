using System.Text.Json;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Suggestions;

namespace AlliancePositions.Core.Tests.Suggestions;

/// <summary>
/// The assistant scored on a small corpus with hand-written gold annotations (Suggestions/Gold/gold-corpus.json): wire
/// stories with weekdays and pronouns, a brief with explicit dates, a transcript with speaker labels. The figures
/// asserted are those published in docs/assistant.md; a change that lowers any of them fails here.
/// </summary>
public sealed class GoldCorpusSuggestionTests
{
    // Published in docs/assistant.md.
    public const int PublishedGold = 17, PublishedFound = 16, PublishedDated = 16;
    public const double PublishedPrecision = 1.0;

    private sealed record GoldRole(string Office, string Kind, string? Country, DateOnly From, DateOnly? To);
    private sealed record GoldActor(string Slug, string Name, string Kind, string? Country, List<string> Aliases, List<GoldRole> Roles);
    private sealed record GoldEntry(string Actor, string Exact, DateOnly Date, string Precision);
    private sealed record GoldText(string Name, DateOnly PublishedOn, string Text, List<GoldEntry> Gold);
    private sealed record GoldCorpus(List<DirectoryCountry> Countries, List<GoldActor> Actors, List<GoldText> Texts);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static GoldCorpus Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Suggestions", "Gold", "gold-corpus.json");
        return JsonSerializer.Deserialize<GoldCorpus>(File.ReadAllText(path), Json)!;
    }

    private static SuggestionDirectory Directory(GoldCorpus corpus) => SuggestionDirectory.Empty with
    {
        Countries = corpus.Countries,
        Actors = corpus.Actors.Select(a => new DirectoryActor(a.Slug, a.Name, Parse<ActorKind>(a.Kind), a.Country, a.Aliases,
            a.Roles.Select(r => new DirectoryRole(r.Office, Parse<OfficeKind>(r.Kind), r.Country, r.From, r.To)).ToList())).ToList(),
    };

    private static T Parse<T>(string wire) where T : struct, Enum => WireNames.TryParse<T>(wire, out var value) ? value : throw new FormatException(wire);

    [Fact]
    public void The_gold_corpus_scores_at_least_the_published_figures()
    {
        var corpus = Load();
        var engine = new SuggestionEngine(Directory(corpus));
        var (gold, found, dated, suggested, correct) = (0, 0, 0, 0, 0);
        var report = new List<string>();
        foreach (var text in corpus.Texts)
        {
            var statements = text.Gold.Select(g =>
            {
                var start = text.Text.IndexOf(g.Exact, StringComparison.Ordinal);
                Assert.True(start >= 0, $"Gold span not in the text: {g.Exact}");
                return new GoldStatement(g.Exact, g.Actor, [(start, start + g.Exact.Length)],
                    PartialDate.Create(g.Date, Parse<DatePrecision>(g.Precision)));
            }).ToList();
            var suggestions = engine.Suggest(text.Text, text.PublishedOn).Where(s => s.Confidence >= SuggestionEngine.DefaultThreshold).ToList();
            var score = SuggestionScore.Of(statements, suggestions);
            (gold, found, dated, suggested, correct) = (gold + score.Gold, found + score.Found, dated + score.Dated, suggested + score.Suggested, correct + score.Correct);
            report.Add($"{text.Name}: {SeedSuggestionTests.Describe(score, suggestions)}");
        }
        var summary = $"found {found}/{gold}, dated {dated}/{found}, precision {correct}/{suggested}\n" + string.Join("\n", report);
        Assert.Equal(PublishedGold, gold);
        Assert.True(found >= PublishedFound, summary);
        Assert.True(dated >= PublishedDated, summary);
        Assert.True((double)correct / suggested >= PublishedPrecision, summary);
    }
}
