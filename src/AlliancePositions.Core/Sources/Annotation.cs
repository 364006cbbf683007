using AlliancePositions.Core.Data;

namespace AlliancePositions.Core.Sources;

/// <summary>
/// An exact span of a document: a position selector (UTF-16 code units, end exclusive) and a quote selector
/// (exact text with up to 32 characters of context each side), so <c>Text[Start..End] == Exact</c>.
/// </summary>
public class Annotation : EditableRecord
{
    public required string Key { get; set; }

    public override string AuditKey => Key;
    public int DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public string Prefix { get; set; } = "";
    public string Suffix { get; set; } = "";
    public string? Note { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>An English rendering of a non-English span.</summary>
    public string? Translation { get; set; }

    /// <summary>The revision of the document whose text the span points into (the current one unless orphaned or dismissed).</summary>
    public int Revision { get; set; } = 1;

    /// <summary>How the span came to be where it is: as annotated, moved to a new revision, or left on an old one.</summary>
    public Ingest.AnnotationAnchor Anchor { get; set; }
}
