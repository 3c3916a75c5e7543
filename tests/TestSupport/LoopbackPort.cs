using System.Net;
using System.Net.Sockets;

namespace Identity.TestSupport;

/// <summary>Loopback ports for the servers tests start (anvil, PostgreSQL, Redis, the services, small HTTP servers).</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port free at the time of asking (the OS picks it; another process may take it before use).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
