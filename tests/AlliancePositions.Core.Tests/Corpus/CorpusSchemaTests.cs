using System.Text.Json.Nodes;
using AlliancePositions.Core.Corpus;
using NJsonSchema.Validation;

namespace AlliancePositions.Core.Tests.Corpus;

/// <summary>
/// The corpus schema's own checks against a general JSON Schema validator (NJsonSchema, which the import used before
/// them): for each way of breaking a valid corpus, the same problems at the same paths.
/// </summary>
public class CorpusSchemaTests
{
    public static TheoryData<string> Breakages() => new(Breaks.Keys);

    private static readonly Dictionary<string, Action<JsonNode>> Breaks = new()
    {
        ["an unknown field at the top"] = root => root["colour"] = "red",
        ["an unknown field deep inside"] = root => root["documents"]![0]!["annotations"]![0]!["colour"] = "red",
        ["a required field missing"] = root => root["statements"]![0]!.AsObject().Remove("summary"),
        ["a string where a number goes"] = root => root["statements"]![0]!["credibility"] = "high",
        ["a number where a string goes"] = root => root["statements"]![0]!["kind"] = 5,
        ["a fraction where an integer goes"] = root => root["statements"]![0]!["codings"]![0]!["position"] = 1.5,
        ["an object where an array goes"] = root => root["topics"] = new JsonObject(),
        ["a value outside the enumeration"] = root => root["statements"]![0]!["datePrecision"] = "week",
        ["a date in another form"] = root => root["statements"]![0]!["date"] = "2024/02/20",
        ["a slug in capitals"] = root => root["actors"]![0]!["slug"] = "Jan Minister",
        ["a number above the maximum"] = root => root["statements"]![0]!["credibility"] = 9,
        ["a number below the minimum"] = root => root["statements"]![0]!["codings"]![0]!["position"] = -3,
        ["a string too long"] = root => root["actors"]![0]!["name"] = new string('x', 201),
        ["an empty string"] = root => root["statements"]![0]!["summary"] = "",
        ["an empty list that needs an item"] = root => root["statements"]![0]!["evidence"] = new JsonArray(),
        ["too many items"] = root => root["documents"]![0]!["annotations"]![0]!["tags"] = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode)$"t{i}").ToArray()),
        ["a document with both text and a text file"] = root => root["documents"]![0]!["textFile"] = "report.txt",
        ["a document with neither text nor a text file"] = root => root["documents"]![0]!.AsObject().Remove("text"),
        ["several problems at once"] = root =>
        {
            root["statements"]![0]!["kind"] = "rumour";
            root["actors"]![0]!["unknown"] = true;
            root["statements"]![0]!.AsObject().Remove("actor");
        },
    };

    [Fact]
    public void A_valid_corpus_has_no_problems() => Assert.Empty(CorpusSchema.Validate(TestCorpus.ToJson(TestCorpus.Valid())));

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task It_finds_what_a_general_validator_finds(string breakage)
    {
        var root = JsonNode.Parse(TestCorpus.ToJson(TestCorpus.Valid()))!;
        Breaks[breakage](root);
        var json = root.ToJsonString();

        var found = CorpusSchema.Validate(json).ToHashSet();

        Assert.NotEmpty(found);
        Assert.Equal((await GeneralValidatorAsync(json)).OrderBy(p => p.Path).ToList(), found.OrderBy(p => p.Path).ToList());
    }

    [Fact]
    public void Lengths_count_code_points_as_JSON_Schema_does()
    {
        // 200 emoji are 400 UTF-16 units but 200 characters: within the name's maximum of 200.
        var root = JsonNode.Parse(TestCorpus.ToJson(TestCorpus.Valid()))!;
        root["actors"]![0]!["name"] = string.Concat(Enumerable.Repeat("😀", 200));
        Assert.Empty(CorpusSchema.Validate(root.ToJsonString()));
        root["actors"]![0]!["name"] = string.Concat(Enumerable.Repeat("😀", 201));
        Assert.Equal(("$.actors[0].name", "is longer than the maximum of 200 characters"), Assert.Single(CorpusSchema.Validate(root.ToJsonString())));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_once_not_with_the_fields_it_lacks()
    {
        // NJsonSchema also lists every required field of the object a string is not; the import names the one mistake.
        var root = JsonNode.Parse(TestCorpus.ToJson(TestCorpus.Valid()))!;
        root["actors"]![0] = "someone";
        Assert.Equal(("$.actors[0]", "object expected"), Assert.Single(CorpusSchema.Validate(root.ToJsonString())));
    }

    [Fact]
    public void The_format_version_is_the_one_this_app_reads()
    {
        var root = JsonNode.Parse(TestCorpus.ToJson(TestCorpus.Valid()))!;
        root["formatVersion"] = 2;
        Assert.Equal(("$.formatVersion", "must be 1"), Assert.Single(CorpusSchema.Validate(root.ToJsonString())));
    }

    /// <summary>NJsonSchema's errors, worded as the import worded them when it used NJsonSchema.</summary>
    private static async Task<HashSet<(string Path, string Message)>> GeneralValidatorAsync(string json)
    {
        await using var stream = typeof(CorpusSchema).Assembly.GetManifestResourceStream("corpus.schema.json")!;
        using var reader = new StreamReader(stream);
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
        return schema.Validate(json).SelectMany(Flatten).ToHashSet();
    }

    private static IEnumerable<(string Path, string Message)> Flatten(ValidationError error)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            if (error.Kind is ValidationErrorKind.NotOneOf)
            {
                yield return (ToJsonPath(error.Path), "needs exactly one of \"text\" or \"textFile\"");
                yield break;
            }
            foreach (var inner in child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)) yield return inner;
            yield break;
        }
        yield return (ToJsonPath(error.Path), error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field \"{error.Property}\"",
            ValidationErrorKind.PropertyRequired => $"required field \"{error.Property}\" is missing",
            ValidationErrorKind.PatternMismatch => "is not in the expected form (" + (error.Schema?.Pattern == @"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
                ? "a date is YYYY-MM-DD" : "a slug is lower-case letters, digits and single hyphens") + ")",
            ValidationErrorKind.NotInEnumeration => "is not one of " + string.Join(", ", error.Schema!.Enumeration.Select(v => $"\"{v}\"")),
            ValidationErrorKind.NumberTooBig => $"is above the maximum {error.Schema?.Maximum}",
            ValidationErrorKind.NumberTooSmall => $"is below the minimum {error.Schema?.Minimum}",
            ValidationErrorKind.StringTooLong => $"is longer than the maximum of {error.Schema?.MaxLength} characters",
            ValidationErrorKind.TooManyItems => $"has more than the maximum of {error.Schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"has fewer than the minimum of {error.Schema?.MinItems} items",
            ValidationErrorKind.StringTooShort => "is empty or shorter than allowed",
            var kind => kind.ToString().Replace("Expected", " expected", StringComparison.Ordinal).ToLowerInvariant(),
        });
    }

    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/').Replace('/', '.');
}
