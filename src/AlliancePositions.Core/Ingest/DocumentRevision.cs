using AlliancePositions.Core.Sources;

namespace AlliancePositions.Core.Ingest;

/// <summary>
/// A superseded text of a document, kept exactly as it was with its SHA-256 so annotations left on it (orphaned or
/// dismissed) still point into it. The current revision's text stays on the <see cref="Document"/> row; a document
/// that never changed has no rows here and is revision 1.
/// </summary>
public class DocumentRevision
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int Number { get; set; }
    public required string Text { get; set; }
    public required string Sha256 { get; set; }
    public DateOnly? RetrievedOn { get; set; }

    /// <summary>When the next revision replaced it.</summary>
    public DateTimeOffset SupersededAt { get; set; }
}
