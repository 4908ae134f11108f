using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Hotline.Workflows.Http;

/// <summary>
/// Keeps workflow HTTP requests away from internal services (server-side request forgery): only http and https, and,
/// unless the host name is listed in <see cref="AllowedHosts"/>, only public addresses. The address is checked when the
/// connection is opened (<see cref="ConnectAsync"/>, a <see cref="SocketsHttpHandler.ConnectCallback"/>), on the very
/// address connected to, so a name that resolves to a public address when checked and to an internal one when
/// connecting (DNS rebinding), and a redirect to an internal address, are refused as well.
/// </summary>
public sealed class HttpAddressGuard
{
    private readonly HashSet<string> _allowedHosts;

    /// <summary>A guard that lets requests reach the listed host names (at any address) and, when none are listed, any public address.</summary>
    public HttpAddressGuard(IEnumerable<string>? allowedHosts = null) =>
        _allowedHosts = new HashSet<string>((allowedHosts ?? []).Select(Normalize).Where(h => h.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>The host names requests may reach; empty: any host with a public address.</summary>
    public IReadOnlyCollection<string> AllowedHosts => _allowedHosts;

    /// <summary>Refuses a URL whose scheme is not http or https, or whose host is not listed (when hosts are listed).</summary>
    /// <exception cref="HttpAddressNotAllowedException">The URL may not be requested.</exception>
    public void CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new HttpAddressNotAllowedException(url.IsAbsoluteUri ? url.Host : url.OriginalString, "only http and https URLs can be requested");
        if (_allowedHosts.Count > 0 && !_allowedHosts.Contains(Normalize(url.Host)))
            throw new HttpAddressNotAllowedException(url.Host, "the host is not in Hotline:Workflows:Http:AllowedHosts");
    }

    /// <summary>Opens the connection for <see cref="SocketsHttpHandler.ConnectCallback"/>, to an allowed address only.</summary>
    /// <exception cref="HttpAddressNotAllowedException">The host is not listed, or it resolves to no allowed address.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = Normalize(context.DnsEndPoint.Host);
        var listed = _allowedHosts.Contains(host);
        if (_allowedHosts.Count > 0 && !listed)
            throw new HttpAddressNotAllowedException(host, "the host is not in Hotline:Workflows:Http:AllowedHosts");
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = listed ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpAddressNotAllowedException(host, "the address is not allowed");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connect to the checked addresses themselves: resolving the name again could answer differently.
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether an address is internal: loopback, link-local (cloud metadata at 169.254.169.254), private (10/8,
    /// 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), "this network" (0/8), reserved (240/4, broadcast),
    /// multicast, IPv6 unique-local (fc00::/7), site-local, unspecified, and IPv4 addresses embedded in IPv6 ones.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return IsInternalV4(address.GetAddressBytes());
        var bytes = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast)
            return true;
        if ((bytes[0] & 0xFE) == 0xFC)
            return true;
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address they embed.
        if (bytes.Take(12).All(b => b == 0) || (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes.Skip(4).Take(8).All(b => b == 0)))
            return IsInternalV4(bytes[12..]);
        return false;
    }

    private static bool IsInternalV4(byte[] b) =>
        b[0] is 0 or 10 or 127 or >= 224
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);

    private static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}

/// <summary>A workflow's HTTP request was refused because of where it was going; the message names the host only.</summary>
public sealed class HttpAddressNotAllowedException(string host, string reason)
    : Exception($"The request to '{host}' was refused: {reason}.")
{
    /// <summary>The host the request was going to.</summary>
    public string Host { get; } = host;
}
