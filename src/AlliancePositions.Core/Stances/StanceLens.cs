namespace AlliancePositions.Core.Stances;

/// <summary>Which evidence a stance on a date reads: what was known by then (as of), or everything known now (hindsight).</summary>
public enum StanceView
{
    AsOf,
    Hindsight,
}

/// <summary>
/// How stances are read: by which methodology (<c>method=1.0|2.0</c>, default 2.0) and from which view
/// (<c>view=as-of|hindsight</c>, default as-of). Every stance view takes one, so a view cited under 1.0 stays
/// reproducible. Hindsight is a smoother over a latent position: 1.0 has no such thing.
/// </summary>
public sealed record StanceLens(string Method, StanceView View)
{
    public static StanceLens Default { get; } = new(Methodology.Version, StanceView.AsOf);

    public const string HindsightName = "hindsight";
    public const string AsOfName = "as-of";

    public string ViewName => View == StanceView.Hindsight ? HindsightName : AsOfName;

    /// <summary>The lens the <c>method</c> and <c>view</c> query values spell, or the field errors that say why not.</summary>
    public static (StanceLens Lens, Dictionary<string, string[]> Errors) Parse(string? method, string? view)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosenMethod = string.IsNullOrWhiteSpace(method) ? Default.Method : method.Trim();
        if (!Methodology.Versions.Contains(chosenMethod))
        {
            errors["method"] = [$"\"{method}\" is not a methodology version; use {string.Join(" or ", Methodology.Versions)}."];
            chosenMethod = Default.Method;
        }
        var chosenView = (view?.Trim()) switch
        {
            null or "" or AsOfName => StanceView.AsOf,
            HindsightName => StanceView.Hindsight,
            _ => (StanceView?)null,
        };
        if (chosenView is null) errors["view"] = [$"\"{view}\" is not a view; use {AsOfName} or {HindsightName}."];
        else if (chosenView == StanceView.Hindsight && chosenMethod == Methodology.Version1)
            errors["view"] = [$"The hindsight view needs methodology {Methodology.Version2}: 1.0 has no smoother."];
        return (errors.Count == 0 ? new StanceLens(chosenMethod, chosenView!.Value) : Default, errors);
    }

    /// <summary>The latest statement date the evidence must be read up to: the as-of date, or all of it in hindsight.</summary>
    public DateOnly ReadsUpTo(DateOnly asOf) => View == StanceView.Hindsight ? DateOnly.MaxValue : asOf;

    /// <summary>The stance at <paramref name="asOf"/> and the shifts that led to it, by this lens.</summary>
    public (Stance Stance, IReadOnlyList<Shift> Shifts) ComputeWithShifts(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt)
    {
        if (Method == Methodology.Version1) return StanceCalculator.ComputeWithShifts(evidence, asOf, knownAt);
        if (View == StanceView.AsOf) return LatentStanceCalculator.ComputeWithShifts(evidence, asOf, knownAt);
        return (LatentStanceCalculator.Hindsight(evidence, asOf, knownAt), ShiftFinder.FromTimeline(Line(evidence, knownAt, asOf), [], ""));
    }

    public Stance Compute(IReadOnlyList<EvidenceItem> evidence, DateOnly asOf, DateOnly knownAt) => ComputeWithShifts(evidence, asOf, knownAt).Stance;

    /// <summary>The stance after each day with evidence (up to <paramref name="until"/>), by this lens.</summary>
    internal IReadOnlyList<TimelinePoint> Line(IReadOnlyList<EvidenceItem> evidence, DateOnly knownAt, DateOnly? until)
    {
        IEnumerable<TimelinePoint> line = Method == Methodology.Version1 ? StanceTimeline.Walk(evidence, knownAt, until)
            : View == StanceView.AsOf ? LatentStanceCalculator.Walk(evidence, knownAt, until)
            : LatentStanceCalculator.HindsightLine(evidence, knownAt).TakeWhile(p => until is null || p.Date.Value <= until);
        return line.ToList();
    }
}
