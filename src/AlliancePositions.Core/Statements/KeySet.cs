using System.Collections;

namespace AlliancePositions.Core.Statements;

/// <summary>
/// Several keys a filter names (topics), distinct and in order, compared by value: two filters naming the same topics
/// are equal, as a page that reloads only when its filter changes needs.
/// </summary>
public sealed class KeySet(IEnumerable<string> keys) : IReadOnlyList<string>, IEquatable<KeySet>
{
    private readonly string[] keys = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal).ToArray();

    public int Count => keys.Length;
    public string this[int index] => keys[index];
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)keys).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(KeySet? other) => other is not null && keys.SequenceEqual(other.keys, StringComparer.Ordinal);
    public override bool Equals(object? obj) => Equals(obj as KeySet);
    public override int GetHashCode() => keys.Aggregate(0, (hash, key) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(key)));
    public override string ToString() => string.Join(", ", keys);
}
