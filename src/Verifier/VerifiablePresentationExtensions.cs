using Identity.Shared.Dids;
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Identity.Verifier;
using Identity.Verifier.Authorization;
using Identity.Verifier.Nonces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the verifiable-presentation authentication scheme, in the manner of AddJwtBearer.</summary>
public static class VerifiablePresentationExtensions
{
    /// <summary>The named HttpClient status lists are fetched with.</summary>
    public const string StatusListHttpClientName = "Identity.Verifier.StatusLists";

    /// <summary>Adds the scheme <see cref="VerifiablePresentationDefaults.AuthenticationScheme"/>.</summary>
    public static AuthenticationBuilder AddVerifiablePresentation(this AuthenticationBuilder builder) =>
        builder.AddVerifiablePresentation(VerifiablePresentationDefaults.AuthenticationScheme, _ => { });

    /// <summary>Adds the scheme <see cref="VerifiablePresentationDefaults.AuthenticationScheme"/> configured by <paramref name="configure"/>.</summary>
    public static AuthenticationBuilder AddVerifiablePresentation(this AuthenticationBuilder builder, Action<VerifiablePresentationOptions> configure) =>
        builder.AddVerifiablePresentation(VerifiablePresentationDefaults.AuthenticationScheme, configure);

    /// <summary>Adds the scheme <paramref name="authenticationScheme"/>.</summary>
    public static AuthenticationBuilder AddVerifiablePresentation(this AuthenticationBuilder builder, string authenticationScheme, Action<VerifiablePresentationOptions> configure) =>
        builder.AddVerifiablePresentation(authenticationScheme, displayName: null, configure);

    /// <summary>
    /// Adds the scheme and what it needs unless already registered: DID resolution (<c>AddDidResolution</c>; add
    /// did:ethr networks with <c>AddEthrDidResolution</c>), status lists over HTTP (<see cref="HttpStatusListProviderOptions"/>),
    /// the verification engine, the in-memory nonce store (replace it with <see cref="AddRedisPresentationNonceStore"/>
    /// for several instances), the challenge issuer and the credential policy handler. Options are validated at start-up.
    /// </summary>
    public static AuthenticationBuilder AddVerifiablePresentation(this AuthenticationBuilder builder, string authenticationScheme, string? displayName, Action<VerifiablePresentationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddDidResolution();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<HttpStatusListProviderOptions>();
        services.AddHttpClient(StatusListHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IStatusListProvider>(sp => new HttpStatusListProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(StatusListHttpClientName),
            sp.GetRequiredService<IOptions<HttpStatusListProviderOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CredentialVerifier(sp.GetRequiredService<IDidResolver>(), sp.GetRequiredService<IStatusListProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PresentationVerifier(sp.GetRequiredService<IDidResolver>(), sp.GetRequiredService<CredentialVerifier>(), sp.GetRequiredService<TimeProvider>()));

        services.AddOptions<VerificationWarmupOptions>();
        services.TryAddSingleton<VerificationWarmupService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VerificationWarmupService>(sp => sp.GetRequiredService<VerificationWarmupService>()));

        services.AddOptions<InMemoryNonceStoreOptions>();
        services.TryAddSingleton<IPresentationNonceStore, InMemoryPresentationNonceStore>();
        services.TryAddSingleton<PresentationChallengeIssuer>();
        services.TryAddSingleton<ChallengeRateLimiter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, CredentialRequirementHandler>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<VerifiablePresentationOptions>, VerifiablePresentationPostConfigureOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VerifiablePresentationOptions>, VerifiablePresentationPostConfigureOptions>());
        services.AddOptions<VerifiablePresentationOptions>(authenticationScheme).ValidateOnStart();
        return builder.AddScheme<VerifiablePresentationOptions, VerifiablePresentationHandler>(authenticationScheme, displayName, configure);
    }

    /// <summary>
    /// Keeps nonces in Redis so that several verifier instances share them and a nonce redeemed on one is refused on
    /// every other (see <see cref="RedisPresentationNonceStore"/>).
    /// </summary>
    public static IServiceCollection AddRedisPresentationNonceStore(this IServiceCollection services, Action<RedisNonceStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RedisNonceStoreOptions>().Configure(configure).Validate(
            o => !string.IsNullOrWhiteSpace(o.Configuration) || o.ConnectionMultiplexerFactory is not null,
            "The Redis nonce store needs RedisNonceStoreOptions.Configuration (e.g. \"127.0.0.1:6379\") or a ConnectionMultiplexerFactory.").ValidateOnStart();
        services.RemoveAll<IPresentationNonceStore>();
        services.AddSingleton<RedisPresentationNonceStore>();
        services.AddSingleton<IPresentationNonceStore>(sp => sp.GetRequiredService<RedisPresentationNonceStore>());
        return services;
    }
}
