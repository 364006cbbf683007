using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Api;

/// <summary>
/// A JSON request body that cannot fail binding: a body that is not JSON, or a value of the wrong type, comes back as
/// field errors (keyed by the JSON path, "relation.type") for a 400, instead of the framework's bare 400. Endpoints
/// declare the shape with <c>.Accepts&lt;T&gt;("application/json")</c> so OpenAPI still documents it.
/// </summary>
public sealed class JsonBody<T> where T : class
{
    private JsonBody(T? value, Dictionary<string, string[]>? errors) => (Value, Errors) = (value, errors);

    public T? Value { get; }

    /// <summary>Null when the body was read.</summary>
    public Dictionary<string, string[]>? Errors { get; }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context)
    {
        // JsonMediaType answers 415 for a declared JSON body; a body of another type is never read, even without it.
        if (!context.Request.HasJsonContentType()) return Fail("body", "Send the body as application/json.");
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return value is null ? Fail("body", "Send a JSON object as the body.") : new JsonBody<T>(value, null);
        }
        catch (JsonException invalid)
        {
            var field = invalid.Path is { Length: > 2 } path ? path[2..] : "body";
            var hint = invalid.InnerException?.Message ?? (invalid.Message.Contains("could not be converted", StringComparison.Ordinal) ? null : invalid.Message);
            return Fail(field, field == "body"
                ? "The body is not valid JSON."
                : $"This value cannot be read here{(hint is null || hint.StartsWith("The JSON value", StringComparison.Ordinal) ? "" : $": {hint}")}. Dates are \"YYYY-MM-DD\" strings, numbers are unquoted.");
        }
    }

    private static JsonBody<T> Fail(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
