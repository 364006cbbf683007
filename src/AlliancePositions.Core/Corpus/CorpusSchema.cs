using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AlliancePositions.Core.Corpus;

/// <summary>
/// The JSON Schema kept beside the seed (<c>seeds/corpus.schema.json</c>), embedded in this assembly so that import
/// and a corpus in any folder are checked against the same one.
/// </summary>
/// <remarks>
/// The schema is read into checks that walk the corpus's own <see cref="JsonDocument"/>, the one the import parses
/// anyway. A general validator built a second tree of the whole file and walked that: at 100k statements it took 8.5–11 s,
/// as long as writing every row. The checks are those of draft-07 that the schema uses (type, properties, required,
/// additionalProperties, items, min/maxItems, enum, const, pattern, min/maxLength, minimum/maximum, oneOf, $ref to
/// its definitions); a keyword outside them stops the schema from loading, so the schema cannot gain a rule that is
/// silently not checked. Lengths count Unicode code points, as JSON Schema does.
/// </remarks>
public static class CorpusSchema
{
    private static readonly Lazy<Node> Root = new(Load);

    /// <summary>Every schema violation of <paramref name="json"/>, as JSON paths (<c>$.statements[0].kind</c>).</summary>
    public static IReadOnlyList<(string Path, string Message)> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    /// <summary>Every schema violation of the parsed corpus <paramref name="root"/>.</summary>
    public static IReadOnlyList<(string Path, string Message)> Validate(JsonElement root)
    {
        var problems = new List<(string Path, string Message)>();
        Root.Value.Check(root, new JsonPath(), problems);
        return problems;
    }

    private static Node Load()
    {
        using var stream = typeof(CorpusSchema).Assembly.GetManifestResourceStream("corpus.schema.json")
            ?? throw new InvalidOperationException("The corpus schema is not embedded in AlliancePositions.Core.");
        using var schema = JsonDocument.Parse(stream);
        var definitions = new Dictionary<string, Node>(StringComparer.Ordinal);
        var root = new Node(schema.RootElement, definitions);
        if (schema.RootElement.TryGetProperty("definitions", out var defined))
            foreach (var definition in defined.EnumerateObject()) definitions[definition.Name] = new Node(definition.Value, definitions);
        return root;
    }

    /// <summary>One schema object, its keywords read once.</summary>
    private sealed class Node
    {
        private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "title", "description", "definitions", "default", "examples"];

        private readonly Dictionary<string, Node> definitions;
        private readonly string? reference;
        private readonly string? type;
        private readonly Dictionary<string, Node>? properties;
        private readonly string[] required = [];
        private readonly bool closed;
        private readonly Node? items;
        private readonly int? minItems, maxItems, minLength, maxLength;
        private readonly decimal? minimum, maximum;
        private readonly Regex? pattern;
        private readonly string? patternText;
        private readonly string[]? enumeration;
        private readonly JsonElement? constant;
        private readonly Node[]? oneOf;

        public Node(JsonElement schema, Dictionary<string, Node> definitions)
        {
            this.definitions = definitions;
            foreach (var keyword in schema.EnumerateObject())
            {
                var value = keyword.Value;
                switch (keyword.Name)
                {
                    case "$ref":
                        const string local = "#/definitions/";
                        var target = value.GetString()!;
                        reference = target.StartsWith(local, StringComparison.Ordinal) ? target[local.Length..]
                            : throw Unsupported($"$ref \"{target}\" (only \"{local}…\")");
                        break;
                    case "type":
                        type = value.ValueKind == JsonValueKind.String ? value.GetString() : throw Unsupported("a list of types");
                        break;
                    case "properties":
                        properties = value.EnumerateObject().ToDictionary(p => p.Name, p => new Node(p.Value, definitions), StringComparer.Ordinal);
                        break;
                    case "required":
                        required = value.EnumerateArray().Select(r => r.GetString()!).ToArray();
                        break;
                    case "additionalProperties":
                        closed = value.ValueKind == JsonValueKind.False ? true : throw Unsupported("additionalProperties other than false");
                        break;
                    case "items":
                        items = new Node(value, definitions);
                        break;
                    case "minItems": minItems = value.GetInt32(); break;
                    case "maxItems": maxItems = value.GetInt32(); break;
                    case "minLength": minLength = value.GetInt32(); break;
                    case "maxLength": maxLength = value.GetInt32(); break;
                    case "minimum": minimum = value.GetDecimal(); break;
                    case "maximum": maximum = value.GetDecimal(); break;
                    case "pattern":
                        patternText = value.GetString()!;
                        pattern = new Regex(patternText, RegexOptions.CultureInvariant);
                        break;
                    case "enum":
                        enumeration = value.EnumerateArray().Select(e => e.GetString() ?? throw Unsupported("an enum of other than strings")).ToArray();
                        break;
                    case "const":
                        constant = value.Clone();
                        break;
                    case "oneOf":
                        oneOf = value.EnumerateArray().Select(e => new Node(e, definitions)).ToArray();
                        break;
                    default:
                        if (!Annotations.Contains(keyword.Name)) throw Unsupported($"the keyword \"{keyword.Name}\"");
                        break;
                }
            }
        }

        private static InvalidOperationException Unsupported(string what) =>
            new($"The corpus schema uses {what}, which CorpusSchema does not check: add it there, or keep the schema to what is checked.");

        public void Check(JsonElement value, JsonPath path, List<(string Path, string Message)> problems)
        {
            if (reference is not null)
            {
                definitions[reference].Check(value, path, problems);
                return;
            }
            // A value of the wrong type is reported once, not with every rule of the type it is not (an object's fields).
            if (type is not null && !IsOfType(value, type))
            {
                problems.Add((path.ToString(), $"{type} expected"));
                return;
            }
            if (constant is { } expected && !JsonElement.DeepEquals(value, expected))
                problems.Add((path.ToString(), $"must be {expected.GetRawText()}"));
            if (enumeration is not null && (value.ValueKind != JsonValueKind.String || Array.IndexOf(enumeration, value.GetString()) < 0))
                problems.Add((path.ToString(), "is not one of " + string.Join(", ", enumeration.Select(v => $"\"{v}\""))));
            switch (value.ValueKind)
            {
                case JsonValueKind.Object: CheckObject(value, path, problems); break;
                case JsonValueKind.Array: CheckArray(value, path, problems); break;
                case JsonValueKind.String: CheckString(value, path, problems); break;
                case JsonValueKind.Number: CheckNumber(value, path, problems); break;
            }
            if (oneOf is not null && oneOf.Count(branch => branch.Accepts(value)) != 1)
                problems.Add((path.ToString(), OneOfMessage()));
        }

        private bool Accepts(JsonElement value)
        {
            var problems = new List<(string, string)>();
            Check(value, new JsonPath(), problems);
            return problems.Count == 0;
        }

        /// <summary>The schema's one oneOf says which fields it chooses between (a document's text or textFile).</summary>
        private string OneOfMessage()
        {
            var choices = oneOf!.SelectMany(branch => branch.required).Select(r => $"\"{r}\"").ToList();
            return choices.Count > 0 ? $"needs exactly one of {string.Join(" or ", choices)}" : "must match exactly one of the allowed forms";
        }

        private void CheckObject(JsonElement value, JsonPath path, List<(string Path, string Message)> problems)
        {
            foreach (var name in required)
                if (!value.TryGetProperty(name, out _)) problems.Add((path.Property(name).ToString(), $"required field \"{name}\" is missing"));
            foreach (var property in value.EnumerateObject())
            {
                if (properties is not null && properties.TryGetValue(property.Name, out var rule)) rule.Check(property.Value, path.Property(property.Name), problems);
                else if (closed) problems.Add((path.Property(property.Name).ToString(), $"unknown field \"{property.Name}\""));
            }
        }

        private void CheckArray(JsonElement value, JsonPath path, List<(string Path, string Message)> problems)
        {
            var count = value.GetArrayLength();
            if (minItems is { } fewest && count < fewest) problems.Add((path.ToString(), $"has fewer than the minimum of {fewest} items"));
            if (maxItems is { } most && count > most) problems.Add((path.ToString(), $"has more than the maximum of {most} items"));
            if (items is null) return;
            var index = 0;
            foreach (var item in value.EnumerateArray()) items.Check(item, path.Item(index++), problems);
        }

        private void CheckString(JsonElement value, JsonPath path, List<(string Path, string Message)> problems)
        {
            if (pattern is null && minLength is null && maxLength is null) return;
            var text = value.GetString()!;
            if (pattern is not null && !pattern.IsMatch(text)) problems.Add((path.ToString(), $"is not in the expected form ({Hint(patternText!)})"));
            if (minLength is null && maxLength is null) return;
            // JSON Schema counts code points: a character outside the Basic Multilingual Plane is one, not two UTF-16 units.
            var length = text.Length - text.Count(char.IsLowSurrogate);
            if (minLength is { } shortest && length < shortest) problems.Add((path.ToString(), "is empty or shorter than allowed"));
            if (maxLength is { } longest && length > longest) problems.Add((path.ToString(), $"is longer than the maximum of {longest} characters"));
        }

        private void CheckNumber(JsonElement value, JsonPath path, List<(string Path, string Message)> problems)
        {
            if (minimum is null && maximum is null) return;
            var number = value.TryGetDecimal(out var exact) ? exact : (decimal)value.GetDouble();
            if (minimum is { } lowest && number < lowest) problems.Add((path.ToString(), $"is below the minimum {lowest.ToString(CultureInfo.InvariantCulture)}"));
            if (maximum is { } highest && number > highest) problems.Add((path.ToString(), $"is above the maximum {highest.ToString(CultureInfo.InvariantCulture)}"));
        }

        private static bool IsOfType(JsonElement value, string type) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || value.TryGetDecimal(out var d) && d == decimal.Truncate(d)),
            _ => throw Unsupported($"the type \"{type}\""),
        };

        private static string Hint(string pattern) => pattern switch
        {
            @"^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => "a date is YYYY-MM-DD",
            @"^[a-z0-9]+(-[a-z0-9]+)*$" => "a slug is lower-case letters, digits and single hyphens",
            _ => $"must match {pattern}",
        };
    }
}
