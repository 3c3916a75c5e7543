using Microsoft.Extensions.Hosting;

namespace Identity.Issuer.Storage;

/// <summary>Brings the schema up to date when the host starts (hosted services start before the server listens).</summary>
internal sealed class IssuerStoreMigrationService(IIssuerStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
