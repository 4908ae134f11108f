using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hotline.Domain.Operations;

namespace Hotline.Host.Telemetry;

/// <summary>
/// Who may read the metrics: a caller on this machine (loopback), a caller from <see cref="TelemetryOptions.ScrapeNetworks"/>,
/// or one that sends <see cref="TelemetryOptions.ScrapeToken"/> as a bearer token. Metrics say how busy which unit is:
/// not for the internet.
/// </summary>
public sealed class ScrapeAccess(TelemetryOptions options)
{
    private readonly List<IPNetwork> _networks = options.ScrapeNetworks.Select(n => IPNetwork.Parse(n)).ToList();
    private readonly byte[]? _token = options.ScrapeToken is { } token ? Encoding.UTF8.GetBytes(token) : null;

    /// <summary>Whether the caller of <paramref name="context"/> may scrape.</summary>
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_token is not null && BearerToken(context) is { } sent)
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _token);
        var address = context.Connection.RemoteIpAddress;
        // A request still carrying forwarding headers came through a proxy this host does not trust
        // (Hotline:Proxy:KnownProxies): its address is the proxy's, often loopback, so only the token lets it in.
        if (address is null || CameThroughProxy(context.Request))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || _networks.Exists(n => n.Contains(address));
    }

    private static bool CameThroughProxy(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded") || request.Headers.ContainsKey("X-Real-IP");

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
