using Identity.Issuer.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the issuer's store, chosen by configuration.</summary>
public static class IssuerStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIssuerStore"/> (a singleton) from the <c>Issuer:Storage</c> section of
    /// <paramref name="configuration"/>: <c>Provider</c> (<c>sqlite</c>|<c>postgres</c>), <c>ConnectionString</c>,
    /// <c>DataDirectory</c>, <c>KeepClaims</c> (false by default) and the limits of <see cref="IssuerStorageOptions"/>.
    /// The options are validated when the host starts, and the schema is migrated then, before the server listens.
    /// </summary>
    public static IServiceCollection AddIssuerStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddIssuerStore(options => configuration.GetSection(IssuerStorageOptions.SectionName).Bind(options));
    }

    /// <summary>Registers <see cref="IIssuerStore"/> with options set in code.</summary>
    public static IServiceCollection AddIssuerStore(this IServiceCollection services, Action<IssuerStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<IssuerStorageOptions>()
            .Configure(configure)
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<IssuerStorageOptions>, IssuerStorageOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIssuerStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<IssuerStorageOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            return string.Equals(options.Provider, IssuerStorageOptions.Postgres, StringComparison.OrdinalIgnoreCase)
                ? new PostgresIssuerStore(options, time)
                : new SqliteIssuerStore(options, time);
        });
        services.AddHostedService<IssuerStoreMigrationService>();
        return services;
    }
}
