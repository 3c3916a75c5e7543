using System.Net;
using System.Text.Json;

namespace Identity.Cli;

/// <summary>
/// A verifier's challenge as its <c>GET /auth/challenge</c> answers it (DESIGN.md): <c>{ nonce, audience, expiresAt }</c>.
/// Fetched over https, or plain http to this machine only: a challenge altered on the way would bind the presentation
/// to someone else's audience.
/// </summary>
internal sealed record PresentationChallenge(string Nonce, string Audience)
{
    /// <summary>A challenge is a few hundred bytes; anything far larger is not one.</summary>
    private const int MaxResponseBytes = 16 * 1024;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<PresentationChallenge> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw CliException.BadInput("--challenge must be an absolute http(s) URL");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw CliException.BadInput("--challenge over plain http is allowed only to this machine; use https");
        }

        using var http = new HttpClient { Timeout = Timeout, MaxResponseContentBufferSize = MaxResponseBytes };
        byte[] body;
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw CliException.Environment($"the challenge endpoint answered {(int)response.StatusCode}");
            }

            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw CliException.Environment($"the challenge endpoint is unreachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CliException.Environment($"the challenge endpoint did not answer within {Timeout.TotalSeconds:0} s");
        }

        return Parse(body);
    }

    internal static PresentationChallenge Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("nonce", out var nonce) && nonce.ValueKind == JsonValueKind.String && nonce.GetString()!.Length > 0
                && root.TryGetProperty("audience", out var audience) && audience.ValueKind == JsonValueKind.String && audience.GetString()!.Length > 0)
            {
                return new PresentationChallenge(nonce.GetString()!, audience.GetString()!);
            }
        }
        catch (JsonException)
        {
        }

        throw CliException.Environment("the challenge endpoint did not answer { \"nonce\", \"audience\" }");
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
