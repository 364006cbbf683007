using AlliancePositions.Core.Data;

namespace AlliancePositions.Core.Sources;

/// <summary>
/// A source text, stored once and never changed: annotations point into it by UTF-16 offsets, and its SHA-256 proves
/// the offsets still hold. Only the metadata is editable.
/// </summary>
public class Document : EditableRecord
{
    /// <summary>The first 12 hex digits of <see cref="Sha256"/>.</summary>
    public required string Key { get; set; }

    public override string AuditKey => Key;
    public required string Title { get; set; }
    public int? OutletId { get; set; }
    public Outlet? Outlet { get; set; }
    public string? Url { get; set; }

    /// <summary>When the public could know it: evidence from this document counts for knownAt on or after it.</summary>
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? RetrievedOn { get; set; }
    public string? Language { get; set; }
    /// <summary>
    /// The current revision's text. When an outlet changes the article, the text it replaces moves, unchanged, to a
    /// <see cref="Ingest.DocumentRevision"/> and this becomes the next revision; annotations are moved along or orphaned.
    /// </summary>
    public required string Text { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The number of the current revision: 1 for a text that never changed.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>An analyst's grade that replaces the outlet's, with the reason.</summary>
    public SourceGrade? ReliabilityOverride { get; set; }
    public string? ReliabilityReason { get; set; }

    /// <summary>Outlets the document relays ("according to The Wall Street Journal").</summary>
    public List<Outlet> CitedOutlets { get; set; } = [];
    public List<Annotation> Annotations { get; set; } = [];

    public SourceGrade EffectiveReliability => ReliabilityOverride ?? Outlet?.Reliability ?? SourceGrade.F;
}
