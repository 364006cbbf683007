namespace AlliancePositions.Web.Hosting;

/// <summary>Where the seed corpus is: <c>Seed:Directory</c>, or the repository's <c>seeds/</c> when unset.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";
    public const string CorpusFileName = "corpus.json";

    public const string MissingCorpus = $"Seed:Directory must name a folder that holds {CorpusFileName} (relative paths are under the content root).";

    public string? Directory { get; set; }

    /// <summary>The configured corpus file, relative paths resolved under the content root; null when unset.</summary>
    public string? CorpusPath(IHostEnvironment environment) => string.IsNullOrWhiteSpace(Directory) ? null
        : Path.Combine(Path.GetFullPath(Directory, environment.ContentRootPath), CorpusFileName);

    /// <summary>A configured folder must hold the corpus; unset, the repository's seeds/ is looked for instead.</summary>
    public static bool HoldsCorpus(SeedOptions options, IHostEnvironment environment) =>
        options.CorpusPath(environment) is not { } path || File.Exists(path);
}
