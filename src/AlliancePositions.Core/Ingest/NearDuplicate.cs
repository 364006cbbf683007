using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Ingest;

/// <summary>
/// A document's MinHash signature over its word shingles, and its locality-sensitive band hashes: documents that share
/// a band are candidates, and their signatures estimate the Jaccard similarity (see <see cref="Shingles"/>).
/// </summary>
public class DocumentFingerprint
{
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;

    /// <summary><see cref="Shingles.SignatureLength"/> 32-bit minimum hashes, as lower-case hex.</summary>
    public required string Signature { get; set; }
}

/// <summary>One band of a signature, hashed: indexed so candidates are found without reading every signature.</summary>
public class DocumentShingleBand
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int Band { get; set; }
    public long Hash { get; set; }
}

/// <summary>Two documents that carry the same story (estimated Jaccard similarity of word shingles at or above the threshold).</summary>
public class NearDuplicate
{
    public int Id { get; set; }

    /// <summary>The document added later.</summary>
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;

    /// <summary>The document it resembles, already stored.</summary>
    public int OtherDocumentId { get; set; }
    public Document OtherDocument { get; set; } = null!;
    public double Similarity { get; set; }
    public DateTimeOffset FoundAt { get; set; }
}
