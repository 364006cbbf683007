namespace AlliancePositions.Core.Ingest;

/// <summary>How an annotation's span came to be where it is. Stored as its name.</summary>
public enum AnnotationAnchor
{
    /// <summary>Where the analyst annotated it, on the revision it was made on.</summary>
    Original,

    /// <summary>Moved to a new revision: the quote stood at the same offsets.</summary>
    SamePosition,

    /// <summary>Moved to a new revision: the quote found elsewhere with its 32-character prefix and suffix.</summary>
    Context,

    /// <summary>Moved to a new revision: the closest passage scored at least the minimum (<see cref="Reanchoring.MinimumScore"/>).</summary>
    Fuzzy,

    /// <summary>Not found in the new revision above the minimum: it stays on its old revision and waits for an analyst.</summary>
    Orphaned,

    /// <summary>An orphan an analyst placed by hand on the current revision.</summary>
    PlacedByHand,

    /// <summary>An orphan an analyst left on its old revision for good.</summary>
    Dismissed,
}
