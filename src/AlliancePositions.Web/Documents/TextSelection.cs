namespace AlliancePositions.Web.Documents;

/// <summary>
/// A selection in the reader as the browser reports it: <c>[Start, End)</c> in UTF-16 code units of the stored text,
/// the exact text there, and where on screen to show the menu. The server checks it before anything is written.
/// </summary>
public sealed record TextSelection(int Start, int End, string Exact, double X, double Y);
