using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Identity.Verifier.Nonces;

/// <summary>
/// The default nonce store: one process's memory, bounded by <see cref="InMemoryNonceStoreOptions.MaxEntries"/>.
/// Only right for a single instance; several instances need a shared store (<see cref="RedisPresentationNonceStore"/>).
/// Expiry is read from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class InMemoryPresentationNonceStore : IPresentationNonceStore
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly int maxEntries;
    private readonly Lock purgeLock = new();

    /// <summary>Creates the store.</summary>
    public InMemoryPresentationNonceStore(IOptions<InMemoryNonceStoreOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        maxEntries = options.Value.MaxEntries > 0
            ? options.Value.MaxEntries
            : throw new InvalidOperationException("InMemoryNonceStoreOptions.MaxEntries must be positive.");
        this.timeProvider = timeProvider;
    }

    /// <summary>The number of nonces held, expired ones not yet purged included.</summary>
    internal int Count => entries.Count;

    /// <inheritdoc />
    public Task<bool> TryAddAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        if (entries.Count >= maxEntries)
        {
            Purge();
            if (entries.Count >= maxEntries)
            {
                return Task.FromResult(false);
            }
        }

        return Task.FromResult(entries.TryAdd(nonce, new Entry(expiresAt, Used: false)));
    }

    /// <inheritdoc />
    public Task<NonceStatus> GetStatusAsync(string nonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        return Task.FromResult(StatusOf(nonce, out _));
    }

    /// <inheritdoc />
    public Task<NonceStatus> TryRedeemAsync(string nonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        while (true)
        {
            var status = StatusOf(nonce, out var entry);
            if (status != NonceStatus.Unused)
            {
                return Task.FromResult(status);
            }

            // Compare-and-set on the whole entry: of two concurrent redemptions exactly one replaces the unused entry.
            if (entries.TryUpdate(nonce, entry with { Used = true }, entry))
            {
                return Task.FromResult(NonceStatus.Unused);
            }
        }
    }

    private NonceStatus StatusOf(string nonce, out Entry entry)
    {
        if (!entries.TryGetValue(nonce, out entry!))
        {
            return NonceStatus.Unknown;
        }

        if (timeProvider.GetUtcNow() >= entry.ExpiresAt)
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(nonce, entry));
            return NonceStatus.Unknown;
        }

        return entry.Used ? NonceStatus.Used : NonceStatus.Unused;
    }

    private void Purge()
    {
        // One purge at a time; the others find the room it made (or none and refuse).
        if (!purgeLock.TryEnter())
        {
            return;
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            foreach (var pair in entries)
            {
                if (now >= pair.Value.ExpiresAt)
                {
                    entries.TryRemove(pair);
                }
            }
        }
        finally
        {
            purgeLock.Exit();
        }
    }

    private sealed record Entry(DateTimeOffset ExpiresAt, bool Used);
}
