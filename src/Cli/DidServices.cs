using Identity.Shared.Dids.Ethr;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Cli;

/// <summary>The resolver stack a command uses: did:key, did:jwk, did:web, and did:ethr when networks are given.</summary>
internal static class DidServices
{
    public static ServiceProvider Build(EthrDidOptions? ethr)
    {
        var services = new ServiceCollection();
        services.AddDidResolution();
        if (ethr is not null)
        {
            services.AddEthrDidResolution(options =>
            {
                foreach (var network in ethr.Networks)
                {
                    options.Networks.Add(network);
                }
            });
        }

        return services.BuildServiceProvider();
    }
}
