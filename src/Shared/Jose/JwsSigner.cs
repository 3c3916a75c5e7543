using System.Text.Encodings.Web;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Jose;

/// <summary>Produces compact JWS strings (<c>header.payload.signature</c>).</summary>
public static class JwsSigner
{
    /// <summary>
    /// Signs <paramref name="payload"/> (the exact bytes to protect, e.g. UTF-8 JSON claims) with
    /// <paramref name="key"/>. The header is <c>alg</c> then the members of <paramref name="header"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The key's type does not fit the algorithm.</exception>
    public static string Sign(JwsHeaderParameters? header, ReadOnlySpan<byte> payload, PrivateKey key, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        var signingInput = SigningInput(header, payload, algorithm);
        var signature = algorithm.Sign(key, System.Text.Encoding.ASCII.GetBytes(signingInput));
        return string.Concat(signingInput, ".", Base64UrlStrict.Encode(signature));
    }

    /// <summary>
    /// Signs as <see cref="Sign"/> does, with a key that <paramref name="signer"/> holds (an HSM, a key service). A
    /// signature of the wrong length is refused, so a misbehaving plug-in cannot mint tokens nobody can verify.
    /// </summary>
    /// <exception cref="InvalidOperationException">The signer returned a signature of the wrong length.</exception>
    public static async ValueTask<string> SignAsync(JwsHeaderParameters? header, ReadOnlyMemory<byte> payload, ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var algorithm = signer.Algorithm;
        var signingInput = SigningInput(header, payload.Span, algorithm);
        var signature = await signer.SignAsync(System.Text.Encoding.ASCII.GetBytes(signingInput), cancellationToken).ConfigureAwait(false);
        if (signature is null || signature.Length != algorithm.SignatureSize)
        {
            throw new InvalidOperationException($"The signer returned {signature?.Length ?? 0} bytes; {algorithm.Name} signatures are {algorithm.SignatureSize}.");
        }

        return string.Concat(signingInput, ".", Base64UrlStrict.Encode(signature));
    }

    private static string SigningInput(JwsHeaderParameters? header, ReadOnlySpan<byte> payload, SignatureAlgorithm algorithm) =>
        string.Concat(Base64UrlStrict.Encode(SerializeHeader(header ?? JwsHeaderParameters.None, algorithm)), ".", Base64UrlStrict.Encode(payload));

    private static byte[] SerializeHeader(JwsHeaderParameters header, SignatureAlgorithm algorithm)
    {
        using var stream = new MemoryStream();
        // The default encoder escapes '+' (as in "vc+jwt") and non-ASCII; the relaxed one writes what
        // JSON.stringify writes, so headers match did-jwt's byte for byte. The header is never embedded in HTML.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", algorithm.Name);
            WriteOptional(writer, "typ", header.Type);
            WriteOptional(writer, "cty", header.ContentType);
            WriteOptional(writer, "kid", header.KeyId);
            if (header.Key is not null)
            {
                writer.WritePropertyName("jwk");
                header.Key.WriteTo(writer, includePrivate: false);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
