using AlliancePositions.Core.Keys;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlliancePositions.Core.Data;

/// <summary>Stores an enum as its wire string ("head-of-state"), so the database reads like the corpus file.</summary>
public sealed class WireNameConverter<T>() : ValueConverter<T, string>(
    value => value.ToWire(),
    text => Parse(text)) where T : struct, Enum
{
    private static T Parse(string text) =>
        WireNames.TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} '{text}'.");
}
