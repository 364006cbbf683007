using System.Globalization;

namespace AlliancePositions.Core.Corpus;

/// <summary>A path built only when a problem is reported: most of a corpus is valid, and most paths are never named.</summary>
internal readonly record struct JsonPath(JsonPath.Step? Last = null)
{
    public sealed record Step(Step? Parent, string? Property, int Index);

    public JsonPath Property(string name) => new(new Step(Last, name, -1));

    public JsonPath Item(int index) => new(new Step(Last, null, index));

    public override string ToString()
    {
        var steps = new List<string>();
        for (var step = Last; step is not null; step = step.Parent)
            steps.Add(step.Property is null ? $"[{step.Index.ToString(CultureInfo.InvariantCulture)}]" : "." + step.Property);
        steps.Reverse();
        return "$" + string.Concat(steps);
    }
}
