using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Identity.Verifier;

/// <summary>
/// Limits how many challenges one client address may ask for per window, per scheme: each challenge takes a slot in
/// the nonce store, so an unlimited endpoint would let one client fill it.
/// </summary>
internal sealed class ChallengeRateLimiter(IOptionsMonitor<VerifiablePresentationOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> limiters = new(StringComparer.Ordinal);

    public bool TryAcquire(HttpContext context, string scheme)
    {
        var limiter = limiters.GetOrAdd(scheme, s =>
        {
            var settings = options.Get(s);
            return PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.ChallengeRateLimit, Window = settings.ChallengeRateWindow, QueueLimit = 0 }));
        });
        using var lease = limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
