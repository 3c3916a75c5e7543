using StackExchange.Redis;

namespace Identity.Verifier.Nonces;

/// <summary>Where <see cref="RedisPresentationNonceStore"/> keeps its nonces.</summary>
public sealed class RedisNonceStoreOptions
{
    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; or set <see cref="ConnectionMultiplexerFactory"/>.</summary>
    public string? Configuration { get; set; }

    /// <summary>A connection the application already has (shared with its cache, say); it is not disposed by the store.</summary>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>The prefix of every key, so that several verifiers (or other data) can share one Redis database.</summary>
    public string KeyPrefix { get; set; } = "vp-nonce:";
}
