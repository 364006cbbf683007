using NJsonSchema;

namespace AlliancePositions.Core.Corpus;

/// <summary>
/// The JSON Schema kept beside the seed (<c>seeds/corpus.schema.json</c>), embedded in this assembly so that import
/// and a corpus in any folder are checked against the same one.
/// </summary>
public static class CorpusSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(LoadAsync);

    public static Task<JsonSchema> GetAsync() => Schema.Value;

    /// <summary>Every schema violation of <paramref name="json"/>, as JSON paths (<c>$.statements[0].kind</c>).</summary>
    public static async Task<IReadOnlyList<(string Path, string Message)>> ValidateAsync(string json)
    {
        var schema = await GetAsync();
        return schema.Validate(json).SelectMany(Flatten).Distinct().ToList();
    }

    private static IEnumerable<(string Path, string Message)> Flatten(NJsonSchema.Validation.ValidationError error)
    {
        if (error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // For a oneOf (a document needs text or textFile) report the rule, not every branch's noise.
            if (error.Kind is NJsonSchema.Validation.ValidationErrorKind.NotOneOf)
            {
                yield return (ToJsonPath(error.Path), "needs exactly one of \"text\" or \"textFile\"");
                yield break;
            }
            foreach (var inner in child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)) yield return inner;
            yield break;
        }
        yield return (ToJsonPath(error.Path), Describe(error));
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) => error.Kind switch
    {
        NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown field \"{error.Property}\"",
        NJsonSchema.Validation.ValidationErrorKind.PropertyRequired => $"required field \"{error.Property}\" is missing",
        NJsonSchema.Validation.ValidationErrorKind.PatternMismatch => "is not in the expected form (" + Hint(error.Schema?.Pattern) + ")",
        NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration => "is not one of " + string.Join(", ", error.Schema?.Enumeration.Select(v => $"\"{v}\"") ?? []),
        NJsonSchema.Validation.ValidationErrorKind.NumberTooBig => $"is above the maximum {error.Schema?.Maximum}",
        NJsonSchema.Validation.ValidationErrorKind.NumberTooSmall => $"is below the minimum {error.Schema?.Minimum}",
        NJsonSchema.Validation.ValidationErrorKind.StringTooLong => $"is longer than the maximum of {error.Schema?.MaxLength} characters",
        NJsonSchema.Validation.ValidationErrorKind.TooManyItems => $"has more than the maximum of {error.Schema?.MaxItems} items",
        NJsonSchema.Validation.ValidationErrorKind.StringTooShort => "is empty or shorter than allowed",
        _ => SplitWords(error.Kind.ToString()).ToLowerInvariant(),
    };

    private static string Hint(string? pattern) => pattern switch
    {
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => "a date is YYYY-MM-DD",
        @"^[a-z0-9]+(-[a-z0-9]+)*$" => "a slug is lower-case letters, digits and single hyphens",
        _ => $"must match {pattern}",
    };

    private static string SplitWords(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));

    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/').Replace('/', '.');

    private static async Task<JsonSchema> LoadAsync()
    {
        await using var stream = typeof(CorpusSchema).Assembly.GetManifestResourceStream("corpus.schema.json")
            ?? throw new InvalidOperationException("The corpus schema is not embedded in AlliancePositions.Core.");
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    }
}
