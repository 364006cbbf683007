namespace AlliancePositions.Web.Statements;

/// <summary>One filter control changed: the query parameter and its new value (null removes it; a string array repeats it).</summary>
public sealed record FilterChange(string Name, object? Value);
