namespace AlliancePositions.Core.Suggestions;

public sealed record SuggestedActor(string Slug, string Name);

/// <summary>A pending suggestion as the reader and the API show it. Offsets are UTF-16 code units, end exclusive.</summary>
public sealed record SuggestionRow(string Id, int Start, int End, string Exact, SuggestedActor? Actor, TextSpan? SpeakerMention, string Kind,
    DateOnly Date, string DatePrecision, string DateEvidence, IReadOnlyList<QuestionSuggestion> Questions, double Confidence);

/// <summary>
/// What an analyst changes when accepting a suggestion; anything left out keeps the suggestion's value. Codings are the
/// positions the analyst confirms (a suggested position is never stored unless listed here). <c>CreateActor</c> makes
/// a new actor from the speaker mention (or <c>ActorName</c>) when no known actor fits.
/// </summary>
public sealed record AcceptSuggestionRequest(string? Actor = null, DateOnly? Date = null, string? DatePrecision = null, string? Kind = null,
    string? Summary = null, IReadOnlyList<string>? Topics = null, IReadOnlyList<Statements.CodingRequest>? Codings = null, bool CreateActor = false,
    string? ActorName = null, int? Credibility = null);

/// <summary>How a suggestion was decided, returned when someone tries to decide it again.</summary>
public sealed record SuggestionDecision(string Id, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Statement);
