using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Identity.Shared.Dids;

/// <summary>
/// Caches successful resolution results of an inner <see cref="IDidResolver"/>, in a private size-limited
/// <see cref="MemoryCache"/> or in an <see cref="IDistributedCache"/>. A result is served for at most
/// <see cref="DidCacheOptions.TimeToLive"/>; when the DID's method resolver implements
/// <see cref="IDidRevalidatingResolver"/>, a cached result older than <see cref="DidCacheOptions.RevalidateAfter"/>
/// is confirmed with <see cref="IDidRevalidatingResolver.IsCurrentAsync"/> first and resolved again if it is not
/// current — never served stale. Errors are never cached; a cache outage only costs a resolution.
/// </summary>
public sealed class CachingDidResolver : IDidResolver, IDisposable
{
    private readonly IDidResolver inner;
    private readonly DidCacheOptions options;
    private readonly TimeProvider timeProvider;
    private readonly Dictionary<string, IDidRevalidatingResolver> revalidators;
    private readonly MemoryCache? memory;
    private readonly IDistributedCache? distributed;
    private readonly ILogger logger;

    /// <summary>Creates the decorator.</summary>
    /// <param name="inner">The resolver whose results are cached (usually <see cref="DidResolver"/>).</param>
    /// <param name="options">The cache policy.</param>
    /// <param name="methodResolvers">The method resolvers; those implementing <see cref="IDidRevalidatingResolver"/> re-validate.</param>
    /// <param name="timeProvider">Clock of the entries' ages.</param>
    /// <param name="distributedCache">Required when <see cref="DidCacheOptions.UseDistributedCache"/> is set.</param>
    /// <param name="logger">Logger.</param>
    public CachingDidResolver(
        IDidResolver inner,
        DidCacheOptions options,
        IEnumerable<IDidMethodResolver>? methodResolvers = null,
        TimeProvider? timeProvider = null,
        IDistributedCache? distributedCache = null,
        ILogger<CachingDidResolver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeToLive <= TimeSpan.Zero || options.MaxEntries <= 0 || options.RevalidateAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("DidCacheOptions: TimeToLive and MaxEntries must be positive, RevalidateAfter not negative.", nameof(options));
        }

        this.inner = inner;
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<CachingDidResolver>.Instance;
        revalidators = (methodResolvers ?? []).OfType<IDidRevalidatingResolver>().ToDictionary(r => r.Method, StringComparer.Ordinal);
        if (options.UseDistributedCache)
        {
            distributed = distributedCache ?? throw new ArgumentException("DidCacheOptions.UseDistributedCache is set but no IDistributedCache was given; register one (e.g. AddStackExchangeRedisCache).", nameof(distributedCache));
        }
        else
        {
            memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxEntries });
        }
    }

    /// <inheritdoc />
    public async Task<DidResolutionResult> ResolveAsync(string didOrDidUrl, DidResolutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(didOrDidUrl) || didOrDidUrl.Length > DidResolver.MaxDidUrlLength || !DidUrl.TryParse(didOrDidUrl, out var didUrl))
        {
            // Malformed input is not cached; the inner resolver words the error.
            return await inner.ResolveAsync(didOrDidUrl, options, cancellationToken);
        }

        var key = CacheKey(didUrl, options?.Accept);
        var now = timeProvider.GetUtcNow();
        var entry = await GetAsync(key, cancellationToken);
        if (entry is not null && now - entry.StoredAt < this.options.TimeToLive)
        {
            if (!revalidators.TryGetValue(didUrl.Did.Method, out var revalidator) || now - entry.ValidatedAt < this.options.RevalidateAfter)
            {
                return entry.Result;
            }

            if (await IsCurrentAsync(revalidator, didUrl, entry.Result, cancellationToken))
            {
                await SetAsync(key, new CacheEntry(entry.Result, now, now), cancellationToken);
                return entry.Result;
            }
        }

        var result = await inner.ResolveAsync(didOrDidUrl, options, cancellationToken);
        if (result.IsSuccess)
        {
            await SetAsync(key, new CacheEntry(result, now, now), cancellationToken);
        }
        else if (entry is not null)
        {
            await RemoveAsync(key, cancellationToken);
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => memory?.Dispose();

    /// <summary>
    /// The fragment does not change the resolution result; the representation does. The private memory cache is keyed
    /// by the DID URL itself (or with the representation, as a tuple) so that a hit builds no string; the distributed
    /// cache, shared with other processes, needs a prefixed string.
    /// </summary>
    private object CacheKey(DidUrl didUrl, string? accept)
    {
        if (memory is null)
        {
            return $"{options.KeyPrefix}{accept}|{didUrl.WithoutFragment}";
        }

        return accept is null ? didUrl.WithoutFragment : Tuple.Create(accept, didUrl.WithoutFragment);
    }

    private async ValueTask<bool> IsCurrentAsync(IDidRevalidatingResolver revalidator, DidUrl didUrl, DidResolutionResult cached, CancellationToken cancellationToken)
    {
        try
        {
            return await revalidator.IsCurrentAsync(didUrl, cached, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed freshness check means "resolve again", never "serve stale" and never an exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.RevalidationFailed(exception, didUrl.Did.Method);
            return false;
        }
    }

    private async ValueTask<CacheEntry?> GetAsync(object key, CancellationToken cancellationToken)
    {
        if (memory is not null)
        {
            return memory.TryGetValue(key, out CacheEntry? entry) ? entry : null;
        }

        byte[]? bytes;
        try
        {
            bytes = await distributed!.GetAsync((string)key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A cache outage is a miss.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.DistributedCacheFailed(exception);
            return null;
        }

        return bytes is null ? null : CacheEntry.TryRead(bytes);
    }

    private async ValueTask SetAsync(object key, CacheEntry entry, CancellationToken cancellationToken)
    {
        if (memory is not null)
        {
            memory.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.TimeToLive });
            return;
        }

        try
        {
            await distributed!.SetAsync((string)key, entry.ToBytes(), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.TimeToLive }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A cache outage must not fail resolution.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.DistributedCacheFailed(exception);
        }
    }

    private async ValueTask RemoveAsync(object key, CancellationToken cancellationToken)
    {
        if (memory is not null)
        {
            memory.Remove(key);
            return;
        }

        try
        {
            await distributed!.RemoveAsync((string)key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A cache outage must not fail resolution.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.DistributedCacheFailed(exception);
        }
    }

    /// <summary>A cached result with when it was stored and last confirmed current.</summary>
    private sealed record CacheEntry(DidResolutionResult Result, DateTimeOffset StoredAt, DateTimeOffset ValidatedAt)
    {
        public byte[] ToBytes()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, DidJson.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("storedAt", StoredAt);
                writer.WriteString("validatedAt", ValidatedAt);
                writer.WritePropertyName("result");
                Result.WriteTo(writer);
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        /// <summary>Null for anything unreadable: a corrupt entry is a miss.</summary>
        public static CacheEntry? TryRead(byte[] bytes)
        {
            try
            {
                using var json = JsonDocument.Parse(bytes, DidJson.ReaderOptions);
                var root = json.RootElement;
                return root.TryGetProperty("storedAt", out var stored) && stored.TryGetDateTimeOffset(out var storedAt) &&
                       root.TryGetProperty("validatedAt", out var validated) && validated.TryGetDateTimeOffset(out var validatedAt) &&
                       root.TryGetProperty("result", out var result) && DidResolutionResult.TryParse(result, out var parsed, out _) && parsed.IsSuccess
                    ? new CacheEntry(parsed, storedAt, validatedAt)
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
