using System.Net;
using System.Net.Sockets;

namespace Hotline.FaultTest;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
internal static class FreePort
{
    /// <summary>Asks the kernel for one; another process may take it before it is used, so callers retry on a clash.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
