using Identity.Shared.Dids;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DID resolution: did:key, did:jwk, did:web, the dispatcher and the cache.</summary>
public static class DidServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDidResolver"/> (a <see cref="CachingDidResolver"/> over <see cref="DidResolver"/>) with the
    /// did:key, did:jwk and did:web method resolvers. Further methods (did:ethr) are added as more
    /// <see cref="IDidMethodResolver"/> singletons; the dispatcher picks up every one registered.
    /// </summary>
    public static IServiceCollection AddDidResolution(
        this IServiceCollection services,
        Action<DidCacheOptions>? configureCache = null,
        Action<DidWebOptions>? configureWeb = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DidKeyOptions>();
        services.AddOptions<DidWebOptions>();
        services.AddOptions<DidCacheOptions>();
        if (configureCache is not null)
        {
            services.Configure(configureCache);
        }

        if (configureWeb is not null)
        {
            services.Configure(configureWeb);
        }

        // Redirects are followed by the resolver itself, which checks that every hop stays on HTTPS.
        services.AddHttpClient(DidWebResolver.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDidMethodResolver, DidKeyResolver>(sp => new DidKeyResolver(sp.GetRequiredService<IOptions<DidKeyOptions>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDidMethodResolver, DidJwkResolver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDidMethodResolver, DidWebResolver>(sp => new DidWebResolver(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<DidWebOptions>>(),
            sp.GetService<ILogger<DidWebResolver>>())));
        services.TryAddSingleton(sp => new DidResolver(sp.GetServices<IDidMethodResolver>(), sp.GetService<ILogger<DidResolver>>()));
        services.TryAddSingleton<IDidResolver>(sp =>
        {
            var cacheOptions = sp.GetRequiredService<IOptions<DidCacheOptions>>().Value;
            return new CachingDidResolver(
                sp.GetRequiredService<DidResolver>(),
                cacheOptions,
                sp.GetServices<IDidMethodResolver>(),
                sp.GetRequiredService<TimeProvider>(),
                cacheOptions.UseDistributedCache ? sp.GetService<IDistributedCache>() : null,
                sp.GetService<ILogger<CachingDidResolver>>());
        });
        return services;
    }
}
