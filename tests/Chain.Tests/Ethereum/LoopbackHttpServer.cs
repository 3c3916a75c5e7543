using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Identity.Chain.Tests.Ethereum;

/// <summary>
/// A deliberately broken HTTP server on 127.0.0.1 for fault tests: each connection's request head is read, then
/// <c>respond</c> writes whatever raw bytes (or nothing) the test wants.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;

    public LoopbackHttpServer(Func<Stream, CancellationToken, Task> respond)
    {
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            await ReadHeadAsync(stream, stop.Token);
                            Interlocked.Increment(ref requests);
                            await respond(stream, stop.Token);
                        }
                        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
                        {
                            // The client gave up: expected in these tests.
                        }
                    }
                });
            }
        });
    }

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref requests);

    public static async Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }

    private static async Task ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var seen = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, cancellationToken) == 1)
        {
            seen.Add(buffer[0]);
            if (seen.Count >= 4 && seen[^1] == '\n' && seen[^2] == '\r' && seen[^3] == '\n' && seen[^4] == '\r')
            {
                return;
            }
        }
    }
}
