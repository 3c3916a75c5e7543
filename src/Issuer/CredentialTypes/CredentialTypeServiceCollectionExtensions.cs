using Identity.Issuer.CredentialTypes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the credential type catalog and the validators of claims and evidence.</summary>
public static class CredentialTypeServiceCollectionExtensions
{
    /// <summary>
    /// Builds the catalog now — the four shipped types plus <c>Issuer:CredentialTypes:N</c> from
    /// <paramref name="configuration"/> — and registers it as <see cref="ICredentialTypeCatalog"/> with
    /// <see cref="ClaimsValidator"/> and <see cref="EvidenceValidator"/> (singletons). Limits are read from
    /// <c>Issuer:CredentialContentLimits</c> (see <see cref="CredentialContentLimits"/>) when present.
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured type is unusable (missing or broken schema file...); the message names the key and the fix.</exception>
    public static IServiceCollection AddCredentialTypes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Eager on purpose: a broken schema file must stop start-up, not the first issuance.
        if (!CredentialTypeConfiguration.TryLoad(configuration, out var configured, out var error)
            || !CredentialTypeCatalog.TryCreate(configured, out var catalog, out error))
        {
            throw new InvalidOperationException("Credential types: " + error);
        }

        var limits = ReadLimits(configuration.GetSection("Issuer:CredentialContentLimits"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(limits);
        services.AddSingleton(catalog);
        services.AddSingleton<ICredentialTypeCatalog>(catalog);
        services.AddSingleton<ClaimsValidator>();
        services.AddSingleton<EvidenceValidator>();
        return services;
    }

    private static CredentialContentLimits ReadLimits(IConfigurationSection section)
    {
        var defaults = CredentialContentLimits.Default;
        return new CredentialContentLimits
        {
            MaxClaimsBytes = Read(section, nameof(CredentialContentLimits.MaxClaimsBytes), defaults.MaxClaimsBytes),
            MaxEvidenceBytes = Read(section, nameof(CredentialContentLimits.MaxEvidenceBytes), defaults.MaxEvidenceBytes),
            MaxDepth = Read(section, nameof(CredentialContentLimits.MaxDepth), defaults.MaxDepth),
            MaxEvidenceEntries = Read(section, nameof(CredentialContentLimits.MaxEvidenceEntries), defaults.MaxEvidenceEntries),
        };
    }

    private static int Read(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be a positive integer.");
    }
}
