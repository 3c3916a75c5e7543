using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Issuer.Api;

/// <summary>
/// Reads a request body as a JSON object under an explicit byte limit. Bodies are read by hand rather than bound by
/// the framework so that every failure (too large, not JSON, wrong content type) becomes a problem with a code.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    public static async Task<(JsonObject? Body, IssuerError? Error)> ReadObjectAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !IsJson(contentType))
        {
            return (null, IssuerError.UnsupportedMediaType);
        }

        if (request.ContentLength > limit)
        {
            return (null, IssuerError.RequestTooLarge(limit));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit, 16 * 1024) + 1);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return (null, IssuerError.RequestTooLarge(limit));
                }
            }

            return TryParse(buffer.AsSpan(0, length), out var body, out var error) ? (body, null) : (null, error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out JsonObject? body, [NotNullWhen(false)] out IssuerError? error)
    {
        body = null;
        try
        {
            if (JsonNode.Parse(utf8, documentOptions: DocumentOptions) is JsonObject parsed)
            {
                body = parsed;
                error = null;
                return true;
            }

            error = IssuerError.MalformedRequest("The body must be one JSON object.");
            return false;
        }
        catch (JsonException)
        {
            error = IssuerError.MalformedRequest("The body is not valid JSON.");
            return false;
        }
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
