using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Identity.Verifier.Nonces;

/// <summary>
/// Nonces in Redis, shared by every verifier instance. IDistributedCache has no compare-and-set, so this store talks
/// to Redis directly: a nonce is a key whose value is <c>0</c> (unused) or <c>1</c> (used) and whose TTL is its
/// lifetime; redemption is one Lua script (GET, then SET KEEPTTL only if the value was <c>0</c>), which Redis runs
/// atomically, so two instances racing with the same nonce see one success and one <see cref="NonceStatus.Used"/>.
/// </summary>
public sealed class RedisPresentationNonceStore : IPresentationNonceStore, IAsyncDisposable
{
    private const string Unused = "0";
    private const string Used = "1";

    private static readonly LuaScript RedeemScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) if v == '0' then redis.call('SET', @key, '1', 'KEEPTTL') end return v");

    private readonly RedisNonceStoreOptions options;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private IConnectionMultiplexer? connection;
    private bool ownsConnection;

    /// <summary>Creates the store; it connects on first use.</summary>
    public RedisPresentationNonceStore(IOptions<RedisNonceStoreOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options.Value;
        if (string.IsNullOrWhiteSpace(this.options.Configuration) && this.options.ConnectionMultiplexerFactory is null)
        {
            throw new InvalidOperationException("The Redis nonce store needs RedisNonceStoreOptions.Configuration (e.g. \"127.0.0.1:6379\") or a ConnectionMultiplexerFactory.");
        }

        this.timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var lifetime = expiresAt - timeProvider.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return false;
        }

        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.StringSetAsync(Key(nonce), Unused, lifetime, When.NotExists).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<NonceStatus> GetStatusAsync(string nonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return StatusOf(await database.StringGetAsync(Key(nonce)).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<NonceStatus> TryRedeemAsync(string nonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var database = await GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var before = await database.ScriptEvaluateAsync(RedeemScript, new { key = Key(nonce) }).ConfigureAwait(false);
        return before.IsNull ? NonceStatus.Unknown : StatusOf((RedisValue)before);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (ownsConnection && connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        connectLock.Dispose();
    }

    private static NonceStatus StatusOf(RedisValue value) =>
        value.IsNull ? NonceStatus.Unknown : value == Used ? NonceStatus.Used : value == Unused ? NonceStatus.Unused : NonceStatus.Unknown;

    private RedisKey Key(string nonce) => new RedisKey(options.KeyPrefix).Append(nonce);

    private async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (connection is { } ready)
        {
            return ready.GetDatabase();
        }

        await connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is null)
            {
                if (options.ConnectionMultiplexerFactory is { } factory)
                {
                    connection = await factory().ConfigureAwait(false);
                }
                else
                {
                    connection = await ConnectionMultiplexer.ConnectAsync(options.Configuration!).ConfigureAwait(false);
                    ownsConnection = true;
                }
            }

            return connection.GetDatabase();
        }
        finally
        {
            connectLock.Release();
        }
    }
}
