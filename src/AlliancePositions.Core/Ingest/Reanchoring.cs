using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Ingest;

/// <summary>Where an annotation's span lands in a new revision, how it was found and how well it matches (1 = exactly).</summary>
public sealed record Relocation(AnnotationAnchor How, int Start, int End, double Score);

/// <summary>
/// Moves an annotation's span to a new revision of its document's text, trying in order: (1) the quote exactly at its
/// old offsets; (2) the quote exactly elsewhere with its stored 32-character prefix and suffix around it, the nearest to
/// the old position when there are several; (3) the passage closest to the quote by edit distance, scored
/// 1 - distance / quote length, accepted at <see cref="MinimumScore"/> or above. Otherwise null: the annotation is
/// orphaned, never silently put on a passage that may say something else.
/// </summary>
public static class Reanchoring
{
    /// <summary>
    /// The least fuzzy score a moved span needs: at most one character in ten of the quote changed (a corrected typo, a
    /// changed word or figure in a sentence). A sentence rewritten more than that may no longer say what the statement
    /// cites it for, so an analyst decides.
    /// </summary>
    public const double MinimumScore = 0.9;

    // Chunks of the quote looked up exactly to find where a changed passage may now stand.
    private const int ChunkLength = 12;
    private const int MaxChunks = 24;
    private const int MaxCandidates = 40;

    public static Relocation? Locate(string newText, int oldStart, int oldEnd, string exact, string prefix, string suffix)
    {
        if (exact.Length == 0) return null;
        if (DocumentText.CheckSpan(newText, oldStart, oldEnd, exact) is null)
            return new Relocation(AnnotationAnchor.SamePosition, oldStart, oldEnd, 1);
        if (WithContext(newText, oldStart, exact, prefix, suffix) is { } start)
            return new Relocation(AnnotationAnchor.Context, start, start + exact.Length, 1);
        return Fuzzy(newText, oldStart, exact) is { } best && best.Score >= MinimumScore ? best : null;
    }

    private static int? WithContext(string text, int oldStart, string exact, string prefix, string suffix)
    {
        int? nearest = null;
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            var end = at + exact.Length;
            // A stored context shorter than 32 characters was cut by the start or end of the old text: it must end (or start) the new context.
            if (!DocumentText.PrefixAt(text, at).EndsWith(prefix, StringComparison.Ordinal)
                || !DocumentText.SuffixAt(text, end).StartsWith(suffix, StringComparison.Ordinal)) continue;
            if (nearest is null || Math.Abs(at - oldStart) < Math.Abs(nearest.Value - oldStart)) nearest = at;
        }
        return nearest;
    }

    /// <summary>The best-scoring passage near any place where a piece of the quote still stands exactly.</summary>
    internal static Relocation? Fuzzy(string text, int oldStart, string exact)
    {
        Relocation? best = null;
        foreach (var anchor in Candidates(text, oldStart, exact))
        {
            // Search a window around the candidate wide enough for the quote to have grown or shrunk by a fifth.
            var slack = exact.Length / 5 + ChunkLength;
            var from = Math.Clamp(anchor - slack, 0, text.Length);
            var to = Math.Clamp(anchor + exact.Length + slack, 0, text.Length);
            if (to <= from) continue;
            var (start, end, distance) = BestSubstring(exact, text, from, to);
            var found = new Relocation(AnnotationAnchor.Fuzzy, start, end, 1 - (double)distance / exact.Length);
            if (end <= start || DocumentText.SplitsCharacter(text, start) || DocumentText.SplitsCharacter(text, end)) continue;
            if (best is null || found.Score > best.Score
                || (found.Score == best.Score && Math.Abs(found.Start - oldStart) < Math.Abs(best.Start - oldStart)))
                best = found;
        }
        return best;
    }

    private static IEnumerable<int> Candidates(string text, int oldStart, string exact)
    {
        var anchors = new SortedSet<int> { Math.Clamp(oldStart, 0, text.Length) };
        var chunk = Math.Min(ChunkLength, exact.Length);
        var step = Math.Max(1, (exact.Length - chunk) / Math.Max(1, MaxChunks - 1));
        for (var offset = 0; offset + chunk <= exact.Length && anchors.Count < MaxCandidates; offset += step)
        {
            var piece = exact.Substring(offset, chunk);
            var hits = 0;
            for (var at = text.IndexOf(piece, StringComparison.Ordinal); at >= 0 && hits < 5; at = text.IndexOf(piece, at + 1, StringComparison.Ordinal), hits++)
                anchors.Add(Math.Max(0, at - offset));
        }
        // Candidates a few characters apart search the same window: keep one of each cluster.
        var last = -exact.Length - 1_000;
        foreach (var anchor in anchors)
        {
            if (anchor - last < Math.Max(4, exact.Length / 10)) continue;
            last = anchor;
            yield return anchor;
        }
    }

    /// <summary>
    /// Sellers' approximate substring match: the substring of <paramref name="text"/>[from..to) with the least
    /// Levenshtein distance to <paramref name="pattern"/>, as (start, end, distance). O(pattern × window).
    /// </summary>
    internal static (int Start, int End, int Distance) BestSubstring(string pattern, string text, int from, int to)
    {
        var width = to - from;
        var previous = new int[width + 1];
        var current = new int[width + 1];
        var previousStart = new int[width + 1];
        var currentStart = new int[width + 1];
        for (var j = 0; j <= width; j++) { previous[j] = 0; previousStart[j] = j; }
        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            currentStart[0] = 0;
            for (var j = 1; j <= width; j++)
            {
                var cost = pattern[i - 1] == text[from + j - 1] ? 0 : 1;
                var substitute = previous[j - 1] + cost;
                var delete = previous[j] + 1;
                var insert = current[j - 1] + 1;
                if (substitute <= delete && substitute <= insert) { current[j] = substitute; currentStart[j] = previousStart[j - 1]; }
                else if (delete <= insert) { current[j] = delete; currentStart[j] = previousStart[j]; }
                else { current[j] = insert; currentStart[j] = currentStart[j - 1]; }
            }
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
        }
        var bestEnd = 0;
        for (var j = 1; j <= width; j++) if (previous[j] < previous[bestEnd]) bestEnd = j;
        return (from + previousStart[bestEnd], from + bestEnd, previous[bestEnd]);
    }
}
