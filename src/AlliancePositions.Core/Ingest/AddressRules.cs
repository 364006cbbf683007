using System.Net;
using System.Net.Sockets;

namespace AlliancePositions.Core.Ingest;

/// <summary>Why the server will not fetch an address; the message is shown to the analyst as it is.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);

/// <summary>
/// Which addresses the server may fetch. Fetching on a user's behalf can reach what only the server can (an admin
/// console on localhost, a cloud metadata service on 169.254.169.254, the office network), so by default only
/// http(s) addresses on public IP addresses are fetched. The rule is applied to every IP address the host name
/// resolves to, again on every redirect, and at connect time (<see cref="PageFetcher"/>), so a name that resolves to a
/// public address when checked and a private one when connected (DNS rebinding) is still refused.
/// </summary>
public static class AddressRules
{
    /// <summary>Null when the address may be fetched; otherwise why not.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return $"{address} is a loopback address (this server itself)";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => $"{address} is in 0.0.0.0/8 (this network)",
                [10, ..] => $"{address} is a private address (10.0.0.0/8)",
                [172, >= 16 and <= 31, ..] => $"{address} is a private address (172.16.0.0/12)",
                [192, 168, ..] => $"{address} is a private address (192.168.0.0/16)",
                [100, >= 64 and <= 127, ..] => $"{address} is a shared carrier-grade NAT address (100.64.0.0/10)",
                [169, 254, ..] => $"{address} is a link-local address (169.254.0.0/16)",
                [>= 224 and <= 239, ..] => $"{address} is a multicast address (224.0.0.0/4)",
                [>= 240, ..] => $"{address} is a reserved or broadcast address (240.0.0.0/4)",
                _ => null,
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None)) return $"{address} is the unspecified address";
            if (address.IsIPv6LinkLocal) return $"{address} is a link-local address (fe80::/10)";
            if (address.IsIPv6SiteLocal) return $"{address} is a site-local address (fec0::/10)";
            if (address.IsIPv6UniqueLocal) return $"{address} is a private address (fc00::/7)";
            if (address.IsIPv6Multicast) return $"{address} is a multicast address (ff00::/8)";
            return null;
        }
        return $"{address} is not an IPv4 or IPv6 address";
    }

    /// <summary>True when configuration names this host and port as allowed whatever it resolves to.</summary>
    public static bool IsAllowedHost(IReadOnlyCollection<string> allowedHosts, string host, int port) =>
        allowedHosts.Any(allowed => string.Equals(allowed.Trim(), $"{host}:{port}", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
                && string.Equals(allowed.Trim(), $"[{host.Trim('[', ']')}]:{port}", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Null when the address is an absolute http(s) URL; otherwise why not.</summary>
    public static string? CheckForm(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url)) return "An address is required.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)) return $"\"{url}\" is not an absolute address (it needs http:// or https://).";
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return $"Only http and https addresses are fetched, not {parsed.Scheme}:.";
        if (!string.IsNullOrEmpty(parsed.UserInfo)) return "An address with a user name or password in it is not fetched.";
        uri = parsed;
        return null;
    }
}
