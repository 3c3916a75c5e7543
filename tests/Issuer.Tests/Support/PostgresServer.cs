using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Identity.TestSupport;

namespace Identity.Issuer.Tests.Support;

/// <summary>
/// A real PostgreSQL server for tests: initdb in a temp folder (as the <c>postgres</c> user when the tests run as
/// root, which initdb requires), the server on a free loopback port with its unix socket in that folder too, one
/// database created. Dispose stops that server and deletes the folder.
/// Use it as a collection fixture: put <c>[Collection(PostgresServer.Collection)]</c> on a test class and take a
/// <see cref="PostgresServer"/> in its constructor; call <see cref="CreateDatabaseAsync"/> for a database of your own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    /// <summary>The collection name (defined by <see cref="PostgresServerDefinition"/>).</summary>
    public const string Collection = "postgres";

    /// <summary>The database created at start.</summary>
    public const string DefaultDatabase = "issuer_tests";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock logLock = new();
    private Process? server;
    private string? root;
    private string? binaries;
    private string? logPath;
    private bool started;
    private int databaseCounter;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The folder holding the data directory, the unix socket and the server log.</summary>
    public string Root => root ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A connection string (user <c>postgres</c>, trust authentication) to <see cref="DefaultDatabase"/>.</summary>
    public string ConnectionString => ConnectionStringFor(DefaultDatabase);

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServiceUser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Creates an empty database (named <paramref name="name"/>, or a fresh name) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "db_" + Interlocked.Increment(ref databaseCounter).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException("Use lower-case letters, digits and underscores.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>Runs initdb, starts the server and creates <see cref="DefaultDatabase"/>.</summary>
    public async Task InitializeAsync()
    {
        var bin = binaries = FindBinaries();
        root = Directory.CreateTempSubdirectory("issuer-pg-").FullName;
        var data = Path.Combine(root, "data");
        if (RunningAsRoot)
        {
            await RunAsync("chown", ServiceUser + ":" + ServiceUser, root);
        }

        await RunAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", ServiceUser, "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions");
        Port = LoopbackPort.Free();
        server = Start(
            Path.Combine(bin, "postgres"),
            "-D", data,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", root,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=300");
        // Outside the folder so that it outlives a failed start; deleted after a run that started.
        var log = logPath = Path.Combine(Path.GetTempPath(), Path.GetFileName(root) + ".log");
        server.OutputDataReceived += (_, e) => AppendLog(log, e.Data);
        server.ErrorDataReceived += (_, e) => AppendLog(log, e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
                await connection.OpenAsync();
                break;
            }
            catch (NpgsqlException) when (watch.Elapsed < StartTimeout && !server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (NpgsqlException e)
            {
                Dispose();
                throw new InvalidOperationException($"PostgreSQL did not accept connections on port {Port} within {StartTimeout}; see {log}.", e);
            }
        }

        started = true;
        await CreateDatabaseAsync(DefaultDatabase);
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Stops the server this fixture started (fast shutdown, then a kill if it lingers) and deletes its folder.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is { } running)
        {
            try
            {
                if (!running.HasExited)
                {
                    // pg_ctl signals the postmaster of this data directory (fast shutdown); the kill is the fallback.
                    try
                    {
                        RunAsync(Path.Combine(binaries!, "pg_ctl"), "-D", Path.Combine(root!, "data"), "stop", "-m", "fast", "-w").GetAwaiter().GetResult();
                    }
                    catch (InvalidOperationException)
                    {
                        // Fall through to the kill below.
                    }

                    if (!running.WaitForExit(15_000))
                    {
                        running.Kill(entireProcessTree: true);
                        running.WaitForExit(5_000);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            running.Dispose();
            server = null;
        }

        if (root is not null && Directory.Exists(root))
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A straggling file in /tmp is not worth failing the run.
            }
        }

        root = null;
        if (started && logPath is not null)
        {
            File.Delete(logPath);
        }
    }

    private static bool RunningAsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static string FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "initdb")))
        {
            return fromEnvironment;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh, or set PG_BIN.");
    }

    private static ProcessStartInfo StartInfo(string program, string[] arguments)
    {
        ProcessStartInfo start;
        if (RunningAsRoot && program != "chown")
        {
            start = new ProcessStartInfo("runuser");
            foreach (var argument in new[] { "-u", ServiceUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start = new ProcessStartInfo(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    private static Process Start(string program, params string[] arguments) =>
        Process.Start(StartInfo(program, arguments)) ?? throw new InvalidOperationException($"{program} did not start.");

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited {process.ExitCode}: {await errors}{await output}");
        }
    }

    private void AppendLog(string path, string? line)
    {
        if (line is not null)
        {
            lock (logLock)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
