using System.Collections.Concurrent;
using System.Net;
using Identity.TestSupport;

namespace Identity.Shared.Tests.StatusLists;

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) whose answers a test scripts; it records what it was asked.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public LoopbackHttpServer(Func<HttpListenerRequest, Response> respond)
    {
        Respond = respond;
        var port = LoopbackPort.Free();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public Func<HttpListenerRequest, Response> Respond { get; set; }

    public ConcurrentQueue<string?> IfNoneMatchSeen { get; } = new();

    public int RequestCount => IfNoneMatchSeen.Count;

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                IfNoneMatchSeen.Enqueue(context.Request.Headers["If-None-Match"]);
                var response = Respond(context.Request);
                try
                {
                    if (response.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(response.Delay);
                    }

                    context.Response.StatusCode = response.Status;
                    foreach (var (name, value) in response.Headers)
                    {
                        context.Response.Headers[name] = value;
                    }

                    var body = System.Text.Encoding.UTF8.GetBytes(response.Body ?? "");
                    if (response.Chunked)
                    {
                        context.Response.SendChunked = true;
                    }
                    else
                    {
                        context.Response.ContentLength64 = body.Length;
                    }

                    context.Response.ContentType = response.Status == 304 ? null : "application/vc+jwt";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client gave up (timeout tests).
                }
            });
        }
    }

    internal sealed record Response(int Status, string? Body = null, IReadOnlyDictionary<string, string>? ExtraHeaders = null)
    {
        public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();

        public TimeSpan Delay { get; init; }

        public bool Chunked { get; init; }
    }
}
