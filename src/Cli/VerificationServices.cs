using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Cli;

/// <summary>The verification engine as one command uses it: resolvers of <see cref="DidServices"/>, status lists over HTTP.</summary>
internal sealed class VerificationServices : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly HttpClient statusHttp;

    public VerificationServices(EthrDidOptions? ethr)
    {
        services = DidServices.Build(ethr);
        var resolver = services.GetRequiredService<IDidResolver>();

        // The provider enforces its own per-request timeout; the client's would only race it.
        statusHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var statusLists = new LoopbackHttpStatusListProvider(new HttpStatusListProvider(
            statusHttp,
            new HttpStatusListProviderOptions
            {
                Timeout = TimeSpan.FromSeconds(10),
                MaxResponseBytes = 1024 * 1024,
                AllowHttp = true,
                MaxCacheEntries = 64,
            },
            TimeProvider.System));
        Credentials = new CredentialVerifier(resolver, statusLists, TimeProvider.System);
        Presentations = new PresentationVerifier(resolver, Credentials, TimeProvider.System);
    }

    public CredentialVerifier Credentials { get; }

    public PresentationVerifier Presentations { get; }

    public async ValueTask DisposeAsync()
    {
        statusHttp.Dispose();
        await services.DisposeAsync();
    }
}
