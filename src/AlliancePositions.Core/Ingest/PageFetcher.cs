using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlliancePositions.Core.Ingest;

/// <summary>A fetched response: where it ended up after redirects, its type and bytes, and its validators.</summary>
public sealed record FetchedPage(Uri Address, string? MediaType, string? Charset, byte[] Body, string? ETag, string? LastModified, bool NotModified);

/// <summary>The address answered, but not with something usable (an error status, too large, too slow, too many redirects).</summary>
public sealed class FetchFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one way the server fetches from the web: http(s) only, no credentials, redirects followed by hand (each hop
/// checked), a size limit read as the body streams in, one timeout for the whole fetch, and <see cref="AddressRules"/>
/// applied to the very IP address each connection is made to (a <see cref="SocketsHttpHandler.ConnectCallback"/>), so
/// neither a redirect nor DNS rebinding reaches a refused address. Configuration names the hosts exempt from the rule.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private readonly IngestOptions options;
    private readonly ILogger<PageFetcher> logger;
    private readonly HttpClient client;

    public PageFetcher(IOptions<IngestOptions> options, ILogger<PageFetcher> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, this.options.TimeoutSeconds)),
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = this.options.MaxBytes };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("AlliancePositions/1.0 (+source ingestion)");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/pdf,text/plain;q=0.8,*/*;q=0.5");
    }

    /// <summary>
    /// Fetches <paramref name="address"/>, sending the validators when given (a 304 comes back as
    /// <see cref="FetchedPage.NotModified"/>). Throws <see cref="AddressRefusedException"/> for an address the rules
    /// refuse and <see cref="FetchFailedException"/> when the answer is unusable.
    /// </summary>
    public async Task<FetchedPage> FetchAsync(Uri address, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            return await FollowAsync(address, etag, lastModified, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchFailedException($"{address} did not answer within {options.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException e) when (Refused(e) is { } refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new FetchFailedException($"{address} could not be fetched: {e.Message}", e);
        }
    }

    private async Task<FetchedPage> FollowAsync(Uri address, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            await CheckAsync(address, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            if (hop == 0 && etag is { Length: > 0 } && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (hop == 0 && lastModified is { Length: > 0 } && DateTimeOffset.TryParse(lastModified, out var since)) request.Headers.IfModifiedSince = since;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                if (hop >= options.MaxRedirects) throw new FetchFailedException($"{address} redirected more than {options.MaxRedirects} times.");
                var next = location.IsAbsoluteUri ? location : new Uri(address, location);
                if (AddressRules.CheckForm(next.ToString(), out var checkedNext) is { } problem) throw new AddressRefusedException($"{address} redirected to {next}: {problem}");
                logger.LogInformation("Fetching {Address} redirected to {Next}", address, checkedNext);
                address = checkedNext!;
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotModified)
                return new FetchedPage(address, null, null, [], etag, lastModified, NotModified: true);
            if (!response.IsSuccessStatusCode)
                throw new FetchFailedException($"{address} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var body = await ReadLimitedAsync(response.Content, address, cancellationToken);
            return new FetchedPage(address, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet, body,
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), NotModified: false);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, Uri address, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > options.MaxBytes) throw TooLarge(address);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes) throw TooLarge(address);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private FetchFailedException TooLarge(Uri address) => new($"{address} is larger than the {options.MaxBytes / (1024 * 1024.0):0.#} MB a fetch may read.");

    /// <summary>Why the rules refuse the address as it resolves now, or null (also when it does not resolve: that is a fetch failure, later).</summary>
    public async Task<AddressRefusedException?> RefusalAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(address, cancellationToken);
            return null;
        }
        catch (AddressRefusedException e)
        {
            return e;
        }
        catch (FetchFailedException)
        {
            return null;
        }
    }

    /// <summary>Checks the address before a request, for a clear refusal; the connect callback checks again where it counts.</summary>
    private async Task CheckAsync(Uri address, CancellationToken cancellationToken)
    {
        if (AddressRules.IsAllowedHost(options.AllowedHosts, address.IdnHost, address.Port)) return;
        foreach (var ip in await ResolveAsync(address.IdnHost, cancellationToken))
            if (AddressRules.Refusal(ip) is { } why) throw new AddressRefusedException($"{address.Host} is not fetched: {why}.");
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await ResolveAsync(host, cancellationToken);
        if (!AddressRules.IsAllowedHost(options.AllowedHosts, host, port))
            foreach (var ip in addresses)
                if (AddressRules.Refusal(ip) is { } why) throw new AddressRefusedException($"{host} is not fetched: {why}.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) return [literal];
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new FetchFailedException($"{host} has no address.");
        }
        catch (SocketException e)
        {
            throw new FetchFailedException($"{host} could not be resolved ({e.SocketErrorCode}).", e);
        }
    }

    private static AddressRefusedException? Refused(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is AddressRefusedException refused) return refused;
        return null;
    }

    public void Dispose() => client.Dispose();
}
