using AlliancePositions.Core.Data;

namespace AlliancePositions.Core.Editing;

public enum WriteStatus
{
    Ok,
    Invalid,
    NotFound,
    Duplicate,
    Conflict,

    /// <summary>Other live records depend on this one (statements on an actor, say), so it cannot be deleted yet.</summary>
    InUse,
}

/// <summary>
/// The outcome of a write, as pages and endpoints both need it: the value, or field errors worded for the UI, or
/// "not found", or a duplicate (naming the existing record), or a concurrency conflict carrying the current values.
/// Expected outcomes are return values; exceptions are for the unexpected.
/// </summary>
public sealed record WriteResult<T>(WriteStatus Status, T? Value = default, IReadOnlyDictionary<string, string[]>? Errors = null,
    string? ExistingKey = null, object? Current = null, string? Reason = null)
{
    public bool Succeeded => Status == WriteStatus.Ok;

    public static WriteResult<T> Ok(T value) => new(WriteStatus.Ok, value);

    public static WriteResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(WriteStatus.Invalid, Errors: errors);

    public static WriteResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static WriteResult<T> NotFound() => new(WriteStatus.NotFound);

    public static WriteResult<T> Duplicate(string existingKey) => new(WriteStatus.Duplicate, ExistingKey: existingKey);

    public static WriteResult<T> Conflict(object current) => new(WriteStatus.Conflict, Current: current);

    public static WriteResult<T> InUse(string reason) => new(WriteStatus.InUse, Reason: reason);
}

/// <summary>Collects field errors with the same wording the UI shows next to the field.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

/// <summary>Who makes a change: the user's name for the audit log and, for codings, their coder.</summary>
public sealed record Editor(string UserName, string? UserId, int? CoderId = null);

internal static class EditorContext
{
    /// <summary>Marks the context's changes as this user's: stamped on the records and written to the audit log.</summary>
    public static void EditedBy(this AppDbContext db, Editor editor)
    {
        db.ChangedBy = editor.UserName;
        db.AuditChanges = true;
    }
}
