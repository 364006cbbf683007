using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Web.Api;

/// <summary>
/// A 200 whose JSON body was written once, in the API's JSON (<see cref="ApiJson"/>), and is sent as those bytes: an
/// answer kept until the next write is then serialised once, not on every request. OpenAPI still documents the body as
/// a <typeparamref name="T"/>.
/// </summary>
public sealed class SerializedJson<T> : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly byte[] utf8;

    private SerializedJson(byte[] utf8) => this.utf8 = utf8;

    /// <summary><paramref name="value"/> written with the app's JSON options (<paramref name="json"/>: those every other endpoint answers with).</summary>
    public static SerializedJson<T> From(T value, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions));

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = utf8.Length;
        return httpContext.Response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
