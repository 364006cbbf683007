using System.Text.Json;
using System.Text.Json.Serialization;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Sources;

namespace AlliancePositions.Web.Api;

/// <summary>
/// The API's JSON: camelCase (the web defaults), the project's enums as their wire strings ("leans-support"),
/// Admiralty reliability as its letter and credibility as its digit, and DateOnly as YYYY-MM-DD (the default).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter<SourceGrade>());
        options.Converters.Add(new WireNameJsonConverterFactory());
    }
}

/// <summary>Reads and writes every Core enum by <see cref="WireNames"/>, except the Admiralty grades (a letter, a digit).</summary>
public sealed class WireNameJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.Assembly == typeof(WireNames).Assembly
        && typeToConvert != typeof(Credibility) && typeToConvert != typeof(SourceGrade);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireNameJsonConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireNameJsonConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && WireNames.TryParse<T>(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Use one of {string.Join(", ", WireNames.All<T>())}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToWire());
    }
}
