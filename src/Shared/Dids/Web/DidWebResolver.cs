using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Identity.Shared.Dids;

/// <summary>
/// did:web (w3c-ccg did-method-web): <c>did:web:example.com</c> → <c>https://example.com/.well-known/did.json</c>,
/// <c>did:web:example.com:user:alice</c> → <c>https://example.com/user/alice/did.json</c>, <c>%3A</c> encodes a
/// port. HTTPS only, no IP addresses, redirects only to HTTPS, a size limit enforced while streaming, one timeout
/// for the whole fetch, and the document's <c>id</c> must be the DID. Transport failures are <c>notFound</c>;
/// an oversized, malformed or foreign document is <c>invalidDidDocument</c>.
/// </summary>
public sealed class DidWebResolver : IDidMethodResolver
{
    /// <summary>The named HttpClient this resolver uses (configured by <c>AddDidResolution</c> without automatic redirects).</summary>
    public const string HttpClientName = "Identity.Dids.Web";

    private readonly IHttpClientFactory httpClientFactory;
    private readonly DidWebOptions options;
    private readonly ILogger<DidWebResolver> logger;

    /// <summary>Creates the resolver.</summary>
    public DidWebResolver(IHttpClientFactory httpClientFactory, IOptions<DidWebOptions> options, ILogger<DidWebResolver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        this.httpClientFactory = httpClientFactory;
        this.options = options.Value;
        if (this.options.MaxResponseBytes <= 0 || this.options.Timeout <= TimeSpan.Zero || this.options.MaxRedirects < 0)
        {
            throw new ArgumentException("DidWebOptions: MaxResponseBytes and Timeout must be positive and MaxRedirects not negative.", nameof(options));
        }

        this.logger = logger ?? NullLogger<DidWebResolver>.Instance;
    }

    /// <inheritdoc />
    public string Method => "web";

    /// <summary>
    /// The document URL of a did:web DID per the spec's Read steps; false (with the reason) when the DID does not
    /// name a DNS host, names an IP address, or has an empty, <c>.</c> or <c>..</c> path segment.
    /// </summary>
    public bool TryGetDocumentUrl(Did did, out Uri? url, out string? error)
    {
        ArgumentNullException.ThrowIfNull(did);
        url = null;
        var segments = did.MethodSpecificId.Split(':');
        var authority = segments[0];
        var portIndex = authority.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
        var host = portIndex < 0 ? authority : authority[..portIndex];
        var port = portIndex < 0 ? null : authority[(portIndex + 3)..];
        if (!IsDnsName(host))
        {
            error = "A did:web names a DNS host (letters, digits, hyphens, dots; no IP address).";
            return false;
        }

        if (port is not null && (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var portNumber) || portNumber is < 1 or > 65535))
        {
            error = "A did:web port (after %3A) is a number from 1 to 65535.";
            return false;
        }

        var path = new System.Text.StringBuilder();
        for (var i = 1; i < segments.Length; i++)
        {
            var decoded = Uri.UnescapeDataString(segments[i]);
            if (decoded.Length == 0 || decoded is "." or ".." || decoded.Contains('/', StringComparison.Ordinal) || decoded.Contains('\\', StringComparison.Ordinal))
            {
                error = "A did:web path segment must not be empty, '.', '..' or contain a slash.";
                return false;
            }

            path.Append('/').Append(segments[i]);
        }

        var scheme = options.AllowHttpForLocalhost && host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "http" : "https";
        var text = $"{scheme}://{host}{(port is null ? string.Empty : ":" + port)}{(segments.Length == 1 ? "/.well-known" : path.ToString())}/did.json";
        if (!Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            error = "The did:web does not map to a valid URL.";
            return false;
        }

        error = null;
        return true;
    }

    /// <inheritdoc />
    public async Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (!DidContentTypes.TryNegotiate(options.Accept, out var contentType))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.RepresentationNotSupported, "did:web supports application/did+ld+json and application/did+json.");
        }

        var did = didUrl.Did;
        if (!TryGetDocumentUrl(did, out var url, out var error))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, error!);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.options.Timeout);
        byte[] body;
        try
        {
            var fetched = await FetchAsync(url!, timeout.Token);
            if (fetched.Failure is not null)
            {
                return fetched.Failure;
            }

            body = fetched.Body!;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.DidWebFetchFailed(did.Method, "timeout");
            return DidResolutionResult.Failure(DidResolutionErrors.NotFound, $"The did:web document was not received within {this.options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            logger.DidWebFetchFailed(did.Method, exception.HttpRequestError.ToString());
            return DidResolutionResult.Failure(DidResolutionErrors.NotFound, $"The did:web document could not be fetched ({exception.HttpRequestError}).");
        }

        DidDocument? document;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (!DidDocument.TryParse(json.RootElement, out document, out var documentError))
            {
                return DidResolutionResult.Failure(DidResolutionErrors.InvalidDidDocument, "The did:web document is not a valid DID document: " + documentError);
            }
        }
        catch (JsonException)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDidDocument, "The did:web document is not valid JSON.");
        }

        if (!string.Equals(document.Id, did.Value, StringComparison.Ordinal))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDidDocument, "The did:web document's id is not the DID being resolved.");
        }

        if (contentType == DidContentTypes.DidJson)
        {
            document = document with { Context = null };
        }

        return DidResolutionResult.Success(document, contentType);
    }

    private async Task<(byte[]? Body, DidResolutionResult? Failure)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DidContentTypes.DidJson));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DidContentTypes.DidLdJson));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects >= options.MaxRedirects)
                {
                    return (null, DidResolutionResult.Failure(DidResolutionErrors.NotFound, "The did:web server redirected too many times."));
                }

                var next = new Uri(current, location);
                if (next.Scheme != Uri.UriSchemeHttps && !(next.Scheme == Uri.UriSchemeHttp && url.Scheme == Uri.UriSchemeHttp && next.IsLoopback))
                {
                    return (null, DidResolutionResult.Failure(DidResolutionErrors.NotFound, "The did:web server redirected to a non-HTTPS URL; not followed."));
                }

                current = next;
                continue;
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return (null, DidResolutionResult.Failure(DidResolutionErrors.NotFound, $"The did:web document does not exist (HTTP {status})."));
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, DidResolutionResult.Failure(DidResolutionErrors.NotFound, $"The did:web server answered HTTP {status}."));
            }

            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                return (null, TooLarge());
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > options.MaxResponseBytes)
                {
                    return (null, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
    }

    private DidResolutionResult TooLarge() =>
        DidResolutionResult.Failure(DidResolutionErrors.InvalidDidDocument, $"The did:web document is larger than {options.MaxResponseBytes} bytes.");

    private static bool IsDnsName(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        var labels = host.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        // The spec forbids IP addresses; a top-level label is never all digits.
        return !labels[^1].All(char.IsAsciiDigit);
    }
}
