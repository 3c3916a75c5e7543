namespace Identity.Issuer.Tests.Api;

/// <summary>
/// Sends to the test server's handler, created on first use: the service's own HttpClients are built before the
/// test server exists, and a did:web issuer's resolver must reach that very server.
/// </summary>
internal sealed class LateTestServerHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
{
    private readonly Lazy<HttpMessageInvoker> invoker = new(() => new HttpMessageInvoker(create()), LazyThreadSafetyMode.ExecutionAndPublication);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        invoker.Value.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && invoker.IsValueCreated)
        {
            invoker.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
