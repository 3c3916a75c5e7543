using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the did:ethr resolver beside the other DID methods.</summary>
public static class EthrDidServiceCollectionExtensions
{
    /// <summary>The named HttpClient the did:ethr resolver talks to nodes with.</summary>
    public const string HttpClientName = "did:ethr";

    /// <summary>
    /// Adds did:ethr resolution over the networks that <paramref name="configure"/> sets (or that are bound to
    /// <see cref="EthrDidOptions"/> from configuration); call <c>AddDidResolution</c> too for the dispatcher and cache.
    /// </summary>
    public static IServiceCollection AddEthrDidResolution(this IServiceCollection services, Action<EthrDidOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EthrDidOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();

        // Each call carries its own timeout (EthereumRpcOptions); the client's own is only a backstop.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new EthrDidResolver(sp.GetRequiredService<IOptions<EthrDidOptions>>().Value, _ => factory.CreateClient(HttpClientName), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDidMethodResolver, EthrDidResolver>(sp => sp.GetRequiredService<EthrDidResolver>()));
        return services;
    }
}
