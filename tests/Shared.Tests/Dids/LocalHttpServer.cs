using System.Net;
using Identity.TestSupport;

namespace Identity.Shared.Tests.Dids;

/// <summary>
/// A real HTTP server on a free loopback port (System.Net.HttpListener, plain http: the did:web resolver is run
/// with its test-only AllowHttpForLocalhost option). Stopped on dispose; it only ever serves this test process.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, Task> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LocalHttpServer(Func<HttpListenerContext, Task> handler)
    {
        this.handler = handler;
        Port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://localhost:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The did:web DID of this server's host and port.</summary>
    public string Did => $"did:web:localhost%3A{Port}";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await handler(context);
                    context.Response.Close();
                }
                catch (Exception)
                {
                    // The client may have gone (timeout tests); nothing to report.
                }
            });
        }
    }
}
