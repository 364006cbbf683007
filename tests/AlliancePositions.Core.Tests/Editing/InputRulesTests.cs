using System.Text.Json.Nodes;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using static AlliancePositions.Core.Tests.Editing.EditFixture;

namespace AlliancePositions.Core.Tests.Editing;

public class InputRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0x0001)]
    [InlineData(0x0000)]
    [InlineData(0x001B)]
    [InlineData(0x007F)]
    [InlineData(0x0085)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0xFFFF)]
    public void Control_characters_and_lone_surrogates_are_not_text(int code)
    {
        var character = (char)code;
        var errors = new FieldErrors();
        InputRules.Required(errors, "name", $"Emmanuel{character} Macron", InputRules.MaxName, "The name");
        Assert.Contains("position 9", Assert.Single(errors.ToDictionary()["name"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tab\tand\nlines\r\n")]
    [InlineData("Zoë Łukasiewicz 😀")]
    public void Tabs_line_breaks_and_astral_characters_are_text(string value) => Assert.Null(InputRules.NotText(value));

    [Fact]
    public async Task A_name_with_a_control_character_is_refused_with_the_field()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);

        var refused = await edits.Actors.CreateAsync(new CreateActorRequest("Kaja\u0001 Kallas", "person", Aliases: ["K\u0002"]), Ana, Ct);

        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Equal(["aliases", "name"], refused.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Annotation_tags_have_the_same_limits_on_create_and_on_update()
    {
        await using var database = await TestDatabase.CreateAsync();
        var edits = new EditFixture(database);
        var (document, annotation) = await edits.EvidenceAsync();
        var tooMany = Enumerable.Range(0, InputRules.MaxTags + 1).Select(i => $"tag-{i}").ToList();
        var tooLong = new[] { new string('t', InputRules.MaxTag + 1) };
        await using (var db = database.CreateDbContext())
        {
            var text = db.Documents.Single(d => d.Key == document).Text;
            foreach (var tags in new[] { tooMany, tooLong.ToList() })
            {
                var created = await edits.Documents.AnnotateAsync(document, new CreateAnnotationRequest(0, 6, text[..6], Tags: tags), Ana, Ct);
                Assert.Equal(["tags"], created.Errors!.Keys);
                var updated = await edits.Documents.UpdateAnnotationAsync(document, annotation, 1, new EditAnnotationRequest(Tags: tags), Ana, Ct);
                Assert.Equal(["tags"], updated.Errors!.Keys);
            }
        }
    }

    [Fact]
    public void The_import_schema_has_the_limits_of_the_input_rules()
    {
        using var embedded = typeof(Core.Corpus.CorpusSchema).Assembly.GetManifestResourceStream("corpus.schema.json")!;
        var schema = JsonNode.Parse(embedded)!["definitions"]!;
        int Max(string definition, string property, string limit = "maxLength") =>
            schema[definition]!["properties"]![property]![limit]!.GetValue<int>();

        Assert.Equal(InputRules.MaxTags, Max("annotation", "tags", "maxItems"));
        Assert.Equal(InputRules.MaxTag, schema["annotation"]!["properties"]!["tags"]!["items"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(InputRules.MaxNote, Max("annotation", "note"));
        Assert.Equal(InputRules.MaxTranslation, Max("annotation", "translation"));
        Assert.Equal(InputRules.MaxQuote, Max("annotation", "exact"));
        Assert.Equal(DocumentText.ContextLength, Max("annotation", "prefix"));
        Assert.Equal(InputRules.MaxName, Max("actor", "name"));
        Assert.Equal(InputRules.MaxNote, Max("actor", "note"));
        Assert.Equal(InputRules.MaxTitle, Max("document", "title"));
        Assert.Equal(InputRules.MaxUrl, Max("document", "url"));
        Assert.Equal(InputRules.MaxLanguage, Max("document", "language"));
        Assert.Equal(InputRules.MaxReason, Max("document", "reliabilityReason"));
        Assert.Equal(InputRules.MaxDocumentText, schema["text"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(InputRules.MaxTitle, Max("meeting", "title"));
        Assert.Equal(InputRules.MaxName, Max("meeting", "place"));
        Assert.Equal(InputRules.MaxNote, Max("meeting", "note"));
        Assert.Equal(InputRules.MaxSummary, Max("statement", "summary"));
    }
}
