using Identity.Issuer.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the issuer's key ring: from encrypted key files, or from signers the host supplies.</summary>
public static class IssuerKeyRingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIssuerKeyRing"/> as a <see cref="KeyStoreKeyRing"/> read from <c>Issuer:Did</c> and
    /// <c>Issuer:Keys</c> of <paramref name="configuration"/> when first resolved (resolve it at start-up to fail fast).
    /// </summary>
    public static IServiceCollection AddIssuerKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IIssuerKeyRing>(_ =>
        {
            var options = new IssuerKeyRingOptions { Did = configuration["Issuer:Did"] };
            foreach (var section in configuration.GetSection("Issuer:Keys").GetChildren().OrderBy(s => int.TryParse(s.Key, out var n) ? n : int.MaxValue))
            {
                options.Keys.Add(section.Get<IssuerKeyFileOptions>() ?? new IssuerKeyFileOptions());
            }

            return KeyStoreKeyRing.Load(options);
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="IIssuerKeyRing"/> over signers the host supplies (HSM, KMS) instead of key files:
    /// <paramref name="keys"/> returns the keys in the order they were added, each with its id, signer and whether it is active.
    /// </summary>
    public static IServiceCollection AddIssuerKeyRing(this IServiceCollection services, string issuerDid, Func<IServiceProvider, IEnumerable<IssuerKey>> keys)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerDid);
        ArgumentNullException.ThrowIfNull(keys);
        services.TryAddSingleton<IIssuerKeyRing>(provider => new SignerKeyRing(issuerDid, keys(provider)));
        return services;
    }
}
