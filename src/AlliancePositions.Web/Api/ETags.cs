using System.Globalization;

namespace AlliancePositions.Web.Api;

/// <summary>The version of an editable record as an ETag, <c>"3"</c>, which a later <c>If-Match</c> sends back.</summary>
public static class ETags
{
    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
