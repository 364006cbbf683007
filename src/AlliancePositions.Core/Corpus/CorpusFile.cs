namespace AlliancePositions.Core.Corpus;

// The corpus format (docs/data-model.md): one JSON shape for the seed, export and import. Enum-like fields stay strings
// here so the validator can report an unknown value with its JSON path rather than failing to deserialise.

public sealed record CorpusFile
{
    public int FormatVersion { get; init; } = 1;
    public string? Methodology { get; init; }
    public List<CorpusTopic> Topics { get; init; } = [];
    public List<CorpusQuestion> Questions { get; init; } = [];
    public List<CorpusCountry> Countries { get; init; } = [];
    public List<CorpusBloc> Blocs { get; init; } = [];
    public List<CorpusOutlet> Outlets { get; init; } = [];
    public List<CorpusCoder> Coders { get; init; } = [];
    public List<CorpusActor> Actors { get; init; } = [];
    public List<CorpusDocument> Documents { get; init; } = [];
    public List<CorpusMeeting> Meetings { get; init; } = [];
    public List<CorpusStatement> Statements { get; init; } = [];
}

public sealed record CorpusTopic(string Slug, string Name, string? Parent = null);

public sealed record CorpusQuestion(string Slug, string Title, string Topic, string MinusTwo, string PlusTwo);

public sealed record CorpusCountry(string Code, string Name, string LeadingOffice, string? LeadingOfficeTitle = null);

public sealed record CorpusBloc(string Slug, string Name, List<CorpusMembership>? Members = null);

public sealed record CorpusMembership(string Country, string From, string? To = null);

public sealed record CorpusOutlet(string Slug, string Name, string? Reliability = null);

public sealed record CorpusCoder(string Key, string DisplayName);

public sealed record CorpusActor(string Slug, string Name, string Kind, string? Country = null, List<string>? Aliases = null,
    string? Note = null, List<CorpusRole>? Roles = null);

public sealed record CorpusRole(string Office, string OfficeKind, string From, string? To = null, string? Country = null,
    string? Organisation = null, string? Basis = null);

public sealed record CorpusDocument
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? PublishedOn { get; init; }
    public string? RetrievedOn { get; init; }
    public string? Language { get; init; }
    public List<string>? Cites { get; init; }
    public string? ReliabilityOverride { get; init; }
    public string? ReliabilityReason { get; init; }
    public string? Text { get; init; }

    /// <summary>A path relative to the corpus file, so a seed article stays readable as plain text.</summary>
    public string? TextFile { get; init; }
    public string? Sha256 { get; init; }
    public List<CorpusAnnotation>? Annotations { get; init; }
}

public sealed record CorpusAnnotation(string Key, int Start, int End, string Exact, string? Prefix = null, string? Suffix = null,
    string? Note = null, List<string>? Tags = null, string? Translation = null);

public sealed record CorpusMeeting(string Key, string Kind, string Title, string Date, string DatePrecision, string? Place = null,
    string? Note = null, List<string>? Participants = null, List<string>? Topics = null, List<string>? ReportedIn = null);

public sealed record CorpusStatement(string Key, string Actor, string Kind, string Date, string DatePrecision, string Summary,
    List<string> Evidence, int Credibility, List<string>? Topics = null, string? Meeting = null,
    List<CorpusRelation>? Relations = null, List<CorpusCoding>? Codings = null);

public sealed record CorpusRelation(string Type, string Statement);

public sealed record CorpusCoding(string Question, string Coder, int Position, string? Qualifier = null);
