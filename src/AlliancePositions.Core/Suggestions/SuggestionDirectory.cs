using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Suggestions;

/// <summary>An office an actor held, as the assistant reads titles ("the chancellor") against a document's date.</summary>
public sealed record DirectoryRole(string Office, OfficeKind Kind, string? CountryCode, DateOnly From, DateOnly? To) : ITenure;

public sealed record DirectoryActor(string Slug, string Name, ActorKind Kind, string? CountryCode, IReadOnlyList<string> Aliases,
    IReadOnlyList<DirectoryRole> Roles);

public sealed record DirectoryMeeting(string Key, string Title, PartialDate When, IReadOnlyList<string> Participants);

public sealed record DirectoryCountry(string Code, string Name);

public sealed record DirectoryQuestion(string Slug, string Title, string MinusTwo, string PlusTwo, string Topic);

/// <summary>An analyst-coded statement's evidence and its (mean) position on one question: the nearest-neighbour examples.</summary>
public sealed record CodedExample(string Text, string Question, double Position);

/// <summary>
/// Everything the assistant knows besides the text, read from the database: actors with their aliases and offices,
/// meetings, countries, outlets (whose attributions are citations, not statements), questions and coded examples.
/// Nothing of any corpus is built in; only the language rules are.
/// </summary>
public sealed record SuggestionDirectory(
    IReadOnlyList<DirectoryActor> Actors,
    IReadOnlyList<DirectoryMeeting> Meetings,
    IReadOnlyList<DirectoryCountry> Countries,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<DirectoryQuestion> Questions,
    IReadOnlyList<CodedExample> Examples)
{
    public static readonly SuggestionDirectory Empty = new([], [], [], [], [], []);
}
