using System.Globalization;
using System.Runtime.CompilerServices;
using Identity.Issuer.Storage;
using Identity.Issuer.Storage.Sql;

namespace Identity.Issuer.Tests.Storage;

/// <summary>
/// The child process of the crash tests: this test assembly started with <c>dotnet Identity.Issuer.Tests.dll</c>
/// and <see cref="Variable"/> set. It reserves and saves in a loop on many tasks and prints
/// <c>ACK id list index</c> after each acknowledged save, until it is killed. The module initializer runs before the
/// test SDK's empty entry point and starts the loop; without the variable (every normal test run) it does nothing.
/// </summary>
internal static class StoreCrashChild
{
    public const string Variable = "ISSUER_STORE_CRASH_CHILD";

    public const int Workers = 32;

#pragma warning disable CA2255 // The test assembly's only way to run code of its own as a separate process.
    [ModuleInitializer]
    internal static void RunWhenAsked()
#pragma warning restore CA2255
    {
        var request = Environment.GetEnvironmentVariable(Variable);
        if (request is not null)
        {
            // Other threads run this module's code only once its initializer returned, so the work runs on a
            // foreground thread, which keeps the process alive after the test SDK's empty Main has returned.
            new Thread(() => Environment.Exit(RunAsync(request).GetAwaiter().GetResult())) { IsBackground = false }.Start();
        }
    }

    /// <summary>The request: <c>sqlite|DATA_DIRECTORY|CAPACITY</c> or <c>postgres|CONNECTION_STRING|CAPACITY</c>.</summary>
    public static string Request(IssuerStorageOptions options) =>
        string.Join('|', options.Provider, options.Provider == IssuerStorageOptions.Postgres ? options.ConnectionString : options.DataDirectory, options.StatusListCapacity.ToString(CultureInfo.InvariantCulture));

    public static SqlIssuerStore Open(IssuerStorageOptions options, TimeProvider time) =>
        options.Provider == IssuerStorageOptions.Postgres ? new PostgresIssuerStore(options, time) : new SqliteIssuerStore(options, time);

    private static async Task<int> RunAsync(string request)
    {
        var parts = request.Split('|');
        var options = new IssuerStorageOptions { Provider = parts[0], StatusListCapacity = int.Parse(parts[2], CultureInfo.InvariantCulture) };
        if (options.Provider == IssuerStorageOptions.Postgres)
        {
            options.ConnectionString = parts[1];
        }
        else
        {
            options.DataDirectory = parts[1];
        }

        var store = Open(options, TimeProvider.System);
        await store.MigrateAsync();
        Console.Out.WriteLine("READY");
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var credential = StoreRecords.Credential(await store.ReserveStatusEntryAsync());
                await store.SaveIssuedAsync(credential, StoreRecords.Issued(credential));
                Console.Out.WriteLine($"ACK {credential.Id} {credential.Status.ListNumber} {credential.Status.Index}");
            }
        }));
        await Task.WhenAll(workers);
        return 0;
    }
}
