namespace AlliancePositions.Core.Changes;

/// <summary>The kinds of record "added since" lists: what an analyst records, as the audit log names them.</summary>
public enum AddedKind
{
    Document,
    Statement,
    Coding,
    Meeting,
}

/// <summary>
/// One record as the audit log saw it created: when and by whom, and what it is now. <see cref="Title"/> is the
/// document's or meeting's title, the statement's summary or the coding's question; <see cref="Actor"/> and
/// <see cref="ActorName"/> name a statement's actor; <see cref="Statement"/>, <see cref="Question"/> and
/// <see cref="Position"/> place a coding. A record deleted since is listed with <see cref="DeletedSince"/> and no title.
/// </summary>
public sealed record AddedRecord(AddedKind Kind, string Key, DateTimeOffset AddedAt, string AddedBy, string? Title, bool DeletedSince,
    string? Actor = null, string? ActorName = null, string? Statement = null, string? Question = null, int? Position = null);
