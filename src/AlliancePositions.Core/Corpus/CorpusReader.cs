using System.Text.Json;
using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Corpus;

/// <summary>A corpus that passed every check, with each document's stored text resolved.</summary>
public sealed record ValidatedCorpus(CorpusFile File, IReadOnlyDictionary<string, string> Texts);

/// <summary>
/// Reads a corpus file and checks all of it before anything is written: JSON syntax, the schema, then the rules that
/// need the whole file (references, duplicate keys, offsets and quotes, dates). Every problem is reported, not just the
/// first.
/// </summary>
public static class CorpusReader
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads <paramref name="path"/>; a <c>textFile</c> is resolved relative to it.</summary>
    public static async Task<ValidatedCorpus> ReadFileAsync(string path, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
            throw new CorpusValidationException([new(name, "$", $"The corpus file {path} does not exist.")]);
        var json = await File.ReadAllTextAsync(path, cancellationToken);
        var baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return await ReadAsync(json, name, baseDirectory, clock);
    }

    /// <summary>
    /// Validates corpus JSON. <paramref name="baseDirectory"/> resolves <c>textFile</c>; null (an upload) allows inline
    /// <c>text</c> only.
    /// </summary>
    /// <remarks>
    /// The checks are CPU work over the whole file (seconds for a large corpus): they run on the thread pool, so a page
    /// that imports keeps rendering meanwhile, and a refusal comes back in the task, as from any other async method.
    /// </remarks>
    public static Task<ValidatedCorpus> ReadAsync(string json, string fileName, string? baseDirectory, TimeProvider clock) =>
        Task.Run(() => Read(json, fileName, baseDirectory, clock));

    private static ValidatedCorpus Read(string json, string fileName, string? baseDirectory, TimeProvider clock)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new CorpusValidationException([new(fileName, "$", $"Not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}): {exception.Message}")]);
        }
        using (document)
        {
            // The syntax, the text of every string, the schema and the records are all read off the one parsed document.
            var problems = new List<CorpusProblem>();
            CheckText(document.RootElement, new JsonPath(), fileName, problems);
            problems.AddRange(CorpusSchema.Validate(document.RootElement).Select(p => new CorpusProblem(fileName, p.Path, p.Message)));
            CorpusFile? corpus = null;
            try
            {
                corpus = document.Deserialize<CorpusFile>(Json);
            }
            catch (JsonException) when (problems.Count > 0)
            {
                // The schema problems above already say why the shape is wrong.
            }
            if (corpus is null)
                throw new CorpusValidationException(problems.Count > 0 ? problems : [new(fileName, "$", "The corpus is empty.")]);

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var rules = new CorpusRules(corpus, fileName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            rules.Check(record => ResolveText(record, baseDirectory, texts));
            problems.AddRange(rules.Problems);
            if (problems.Count > 0) throw new CorpusValidationException(problems);
            return new ValidatedCorpus(corpus, texts);
        }
    }

    /// <summary>Every string in the file, whatever field it is, holds text by the same rule as the app's forms and API.</summary>
    private static void CheckText(JsonElement element, JsonPath path, string fileName, List<CorpusProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) CheckText(property.Value, path.Property(property.Name), fileName, problems);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) CheckText(item, path.Item(index++), fileName, problems);
                break;
            case JsonValueKind.String:
                string value;
                try
                {
                    value = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    problems.Add(new(fileName, path.ToString(), "holds half of a character (a lone surrogate escape)"));
                    break;
                }
                if (InputRules.NotText(value) is { } problem) problems.Add(new(fileName, path.ToString(), problem.TrimEnd('.')));
                break;
        }
    }

    private static string? ResolveText(CorpusDocument document, string? baseDirectory, Dictionary<string, string> texts)
    {
        string? raw = document.Text;
        if (raw is null && document.TextFile is not null)
        {
            if (baseDirectory is null) return null;
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, document.TextFile));
            if (!File.Exists(full)) return null;
            raw = File.ReadAllText(full);
        }
        if (raw is null) return null;
        var text = DocumentText.Normalize(raw);
        texts[document.Key] = text;
        return text;
    }
}
