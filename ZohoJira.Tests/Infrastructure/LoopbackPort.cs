using System.Net;
using System.Net.Sockets;

namespace ZohoJira.Tests.Infrastructure;

/// <summary>The one place tests get a free TCP port on 127.0.0.1 (for the app on a real port, PostgreSQL, a collector).
/// The port is free when returned; another process could take it before it is bound, which on a test machine is rare
/// enough that a failed bind is treated as an ordinary test failure.</summary>
public static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
