namespace Identity.Issuer.Storage;

/// <summary>
/// Where and how the issuer keeps its state, bound from <c>Issuer:Storage</c>. Every limit is explicit so that a
/// burst of issuance queues up to a known bound and no further.
/// </summary>
public sealed class IssuerStorageOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Issuer:Storage";

    /// <summary>The embedded default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The shared server, for several instances.</summary>
    public const string Postgres = "postgres";

    /// <summary>The bitstring length the Bitstring Status List requires at least (16 KB).</summary>
    public const int DefaultStatusListCapacity = 131_072;

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The database connection string: required for PostgreSQL; for SQLite it overrides <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder of the SQLite database file (<c>issuer.db</c>); created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Keep the claims of issued credentials (health data). Off by default: only metadata and a hash are kept.</summary>
    public bool KeepClaims { get; set; }

    /// <summary>Entries per status list (a multiple of 8; the W3C minimum is 131,072). Smaller values are for tests.</summary>
    public int StatusListCapacity { get; set; } = DefaultStatusListCapacity;

    /// <summary>The most writes (saves and reservations) committed together in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>The most writes waiting for the writer; callers beyond it wait for room (back-pressure).</summary>
    public int MaxQueuedWrites { get; set; } = 8192;

    /// <summary>How long a SQLite write waits for another connection's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired nonces are purged (on the next nonce creation after this interval).</summary>
    public TimeSpan NoncePurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The problems of these options, each naming the setting to fix; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase) && !string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{SectionName}:Provider must be '{Sqlite}' or '{Postgres}', not '{Provider}'.");
        }

        if (string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add($"{SectionName}:ConnectionString is required when {SectionName}:Provider is '{Postgres}'.");
        }

        if (string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add($"{SectionName}:DataDirectory (or {SectionName}:ConnectionString) is required for SQLite.");
        }

        if (StatusListCapacity < 8 || StatusListCapacity % 8 != 0)
        {
            problems.Add($"{SectionName}:StatusListCapacity must be a positive multiple of 8, not {StatusListCapacity}.");
        }

        if (MaxBatchSize < 1)
        {
            problems.Add($"{SectionName}:MaxBatchSize must be at least 1.");
        }

        if (MaxQueuedWrites < MaxBatchSize)
        {
            problems.Add($"{SectionName}:MaxQueuedWrites must be at least {SectionName}:MaxBatchSize.");
        }

        if (BusyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:BusyTimeout must be positive.");
        }

        return problems;
    }
}
