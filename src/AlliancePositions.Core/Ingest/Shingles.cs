using System.Globalization;
using System.Text;

namespace AlliancePositions.Core.Ingest;

/// <summary>
/// Near-duplicate detection by w-shingling and MinHash (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of
/// Massive Datasets", ch. 3). A text becomes the set of its runs of <see cref="ShingleWords"/> consecutive words
/// (lower-cased, punctuation ignored); <see cref="SignatureLength"/> independent hash functions each keep their
/// minimum over the set, and the share of equal minima between two signatures estimates the Jaccard similarity of the
/// sets. The signature is cut into <see cref="Bands"/> bands of <see cref="RowsPerBand"/>: two texts sharing any band
/// are compared, which finds pairs above about (1/16)^(1/4) = 0.5 similarity with high probability and others rarely.
/// </summary>
public static class Shingles
{
    public const int ShingleWords = 5;
    public const int SignatureLength = 64;
    public const int Bands = 16;
    public const int RowsPerBand = SignatureLength / Bands;

    /// <summary>
    /// Two documents at or above this estimated similarity are linked as near-duplicates. The same wire story carried by
    /// two outlets (a different headline, a line added or cut) scores 0.7-0.95; different stories on the same subject
    /// share few five-word runs and score below 0.2.
    /// </summary>
    public const double Threshold = 0.6;

    /// <summary>Texts shorter than this have too few shingles for the estimate to mean anything: no fingerprint.</summary>
    public const int MinimumWords = 25;

    /// <summary>The MinHash signature of the text, or null when it has fewer than <see cref="MinimumWords"/> words.</summary>
    public static uint[]? Signature(string text)
    {
        var words = Words(text);
        if (words.Count < MinimumWords) return null;
        var signature = Enumerable.Repeat(uint.MaxValue, SignatureLength).ToArray();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var shingle = Hash(string.Join(' ', words.GetRange(i, ShingleWords)));
            for (var k = 0; k < SignatureLength; k++)
            {
                var h = (uint)Mix(shingle ^ Seeds[k]);
                if (h < signature[k]) signature[k] = h;
            }
        }
        return signature;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the two signatures agree.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        var same = 0;
        for (var k = 0; k < SignatureLength; k++) if (a[k] == b[k]) same++;
        return (double)same / SignatureLength;
    }

    /// <summary>One hash per band, for the index that finds candidates.</summary>
    public static long[] BandHashes(uint[] signature)
    {
        var hashes = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            ulong h = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < RowsPerBand; row++) h = Mix(h ^ signature[band * RowsPerBand + row]);
            hashes[band] = (long)h;
        }
        return hashes;
    }

    public static string Encode(uint[] signature) => string.Concat(signature.Select(v => v.ToString("x8", CultureInfo.InvariantCulture)));

    public static uint[] Decode(string encoded) =>
        Enumerable.Range(0, encoded.Length / 8).Select(i => uint.Parse(encoded.AsSpan(i * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    // FNV-1a over UTF-16 code units: stable across processes (string.GetHashCode is randomised per process).
    private static ulong Hash(string value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in value) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    // SplitMix64's finaliser: a cheap, well-mixed hash family when xored with a different seed per function.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, SignatureLength).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();
}
