using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>
/// Fetches status list credentials over HTTP(S) with a private in-memory cache that follows HTTP caching (RFC 9111)
/// closely enough for this purpose: a copy is fresh for <c>Cache-Control: max-age</c> (less <c>Age</c>), else until
/// <c>Expires</c>, else <see cref="HttpStatusListProviderOptions.DefaultMaxAge"/>, capped by
/// <see cref="HttpStatusListProviderOptions.MaxAgeLimit"/>; <c>no-cache</c> revalidates every time and <c>no-store</c>
/// keeps nothing. A stale copy is revalidated with <c>If-None-Match</c> (a 304 renews it). Requests have a timeout
/// and a body size limit. Fail closed: when a fetch fails and no fresh copy exists, the result is
/// <c>status_unavailable</c>, unless a copy that went stale within the configured grace period can be served (only for
/// network failures, timeouts and 5xx answers; a 4xx means the list is gone or refused). Time comes from the injected
/// <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public sealed class HttpStatusListProvider : IStatusListProvider
{
    private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly HttpClient httpClient;
    private readonly HttpStatusListProviderOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<string, CacheEntry> cache = new(StringComparer.Ordinal);

    /// <summary>Creates a provider over <paramref name="httpClient"/> (from IHttpClientFactory, typically).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HttpStatusListProvider(HttpClient httpClient, HttpStatusListProviderOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        this.httpClient = httpClient;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<StatusListFetchResult> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && url.Scheme == Uri.UriSchemeHttp)))
        {
            return Unavailable("The status list URL is not an https URL.");
        }

        var key = url.GetLeftPart(UriPartial.Query);
        cache.TryGetValue(key, out var cached);
        var now = timeProvider.GetUtcNow();
        if (cached is not null && now < cached.FreshUntil)
        {
            return StatusListFetchResult.Success(cached.ToDocument(url, stale: false));
        }

        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/vc+jwt");
            request.Headers.Accept.ParseAdd("application/vc");
            request.Headers.Accept.ParseAdd("application/json;q=0.5");
            if (cached?.ETag is { } etag)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var received = timeProvider.GetUtcNow();
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                // RFC 9111 §4.3.4: the 304's caching headers replace the stored ones; without any, the old lifetime holds.
                var policy = ReadPolicy(response, received) ?? cached.Policy;
                var renewed = cached with { RetrievedAt = received, FreshUntil = received + policy.Lifetime, Policy = policy };
                Store(key, renewed, received);
                return StatusListFetchResult.Success(renewed.ToDocument(url, stale: false));
            }

            if ((int)response.StatusCode >= 500)
            {
                return ServeStaleOr(cached, url, now, "The status list server answered with a server error.");
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Unavailable("The status list server did not answer 200 OK.");
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                return Unavailable("The status list response is larger than the limit.");
            }

            var body = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (body is null)
            {
                return Unavailable("The status list response is larger than the limit.");
            }

            string content;
            try
            {
                content = StrictUtf8.GetString(body);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return Unavailable("The status list response is not UTF-8 text.");
            }

            var responsePolicy = ReadPolicy(response, received) ?? new CachePolicy(options.DefaultMaxAge, NoStore: false);
            var entry = new CacheEntry(content, response.Content.Headers.ContentType?.MediaType, response.Headers.ETag, received, received + responsePolicy.Lifetime, responsePolicy);
            if (!responsePolicy.NoStore)
            {
                Store(key, entry, received);
            }
            else
            {
                cache.TryRemove(key, out _);
            }

            return StatusListFetchResult.Success(entry.ToDocument(url, stale: false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ServeStaleOr(cached, url, now, "Fetching the status list timed out.");
        }
        catch (HttpRequestException)
        {
            return ServeStaleOr(cached, url, now, "The status list server could not be reached.");
        }
    }

    private static StatusListFetchResult Unavailable(string message) =>
        StatusListFetchResult.Failure(new VerificationError(VerificationErrorCode.StatusUnavailable, message));

    private StatusListFetchResult ServeStaleOr(CacheEntry? cached, Uri url, DateTimeOffset now, string message) =>
        cached is not null && now < cached.FreshUntil + options.StaleGracePeriod
            ? StatusListFetchResult.Success(cached.ToDocument(url, stale: true))
            : Unavailable(message);

    private CachePolicy? ReadPolicy(HttpResponseMessage response, DateTimeOffset received)
    {
        var cacheControl = response.Headers.CacheControl;
        TimeSpan? lifetime = null;
        if (cacheControl?.NoStore == true)
        {
            return new CachePolicy(TimeSpan.Zero, NoStore: true);
        }

        if (cacheControl?.NoCache == true)
        {
            lifetime = TimeSpan.Zero;
        }
        else if (cacheControl?.MaxAge is { } maxAge)
        {
            lifetime = maxAge - (response.Headers.Age ?? TimeSpan.Zero);
        }
        else if (response.Content.Headers.Expires is { } expires)
        {
            lifetime = expires - (response.Headers.Date ?? received);
        }

        if (lifetime is null)
        {
            return null;
        }

        var bounded = lifetime.Value < TimeSpan.Zero ? TimeSpan.Zero : lifetime.Value > options.MaxAgeLimit ? options.MaxAgeLimit : lifetime.Value;
        return new CachePolicy(bounded, NoStore: false);
    }

    private void Store(string key, CacheEntry entry, DateTimeOffset now)
    {
        if (options.MaxCacheEntries == 0)
        {
            return;
        }

        if (!cache.ContainsKey(key) && cache.Count >= options.MaxCacheEntries)
        {
            foreach (var (name, old) in cache)
            {
                if (old.FreshUntil + options.StaleGracePeriod <= now)
                {
                    cache.TryRemove(name, out _);
                }
            }

            if (cache.Count >= options.MaxCacheEntries)
            {
                return;
            }
        }

        cache[key] = entry;
    }

    private async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > options.MaxResponseBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private sealed record CachePolicy(TimeSpan Lifetime, bool NoStore);

    private sealed record CacheEntry(string Content, string? MediaType, EntityTagHeaderValue? ETag, DateTimeOffset RetrievedAt, DateTimeOffset FreshUntil, CachePolicy Policy)
    {
        public StatusListDocument ToDocument(Uri url, bool stale) => new(url, Content, MediaType, RetrievedAt, stale);
    }
}
