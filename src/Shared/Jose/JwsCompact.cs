using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Verification;

namespace Identity.Shared.Jose;

/// <summary>
/// A parsed compact JWS (RFC 7515 §7.1), strictly: exactly three segments of strict unpadded base64url, a header
/// and (by default) a payload that are strict JSON objects (<see cref="StrictJson"/>), a supported <c>alg</c>, no
/// <c>crit</c>, and a signature of the algorithm's exact length. Parsing checks structure only; nothing in the
/// payload should be read before <see cref="Verify"/> (or a recovery) has tied the token to a key the caller trusts.
/// </summary>
public sealed class JwsCompact
{

    private readonly byte[] signingInput;
    private readonly byte[] payloadBytes;
    private readonly byte[] signature;

    private JwsCompact(JoseHeader header, byte[] signingInput, byte[] payloadBytes, JsonElement? payload, byte[] signature)
    {
        Header = header;
        this.signingInput = signingInput;
        this.payloadBytes = payloadBytes;
        Payload = payload;
        this.signature = signature;
    }

    /// <summary>The validated protected header.</summary>
    public JoseHeader Header { get; }

    /// <summary>The ASCII bytes <c>BASE64URL(header) '.' BASE64URL(payload)</c> that the signature covers.</summary>
    public ReadOnlyMemory<byte> SigningInput => signingInput;

    /// <summary>The decoded payload bytes.</summary>
    public ReadOnlyMemory<byte> PayloadBytes => payloadBytes;

    /// <summary>The payload object (a detached clone), or null when the options did not require a JSON payload.</summary>
    public JsonElement? Payload { get; }

    /// <summary>The decoded signature, of exactly <see cref="SignatureAlgorithm.SignatureSize"/> bytes.</summary>
    public ReadOnlyMemory<byte> Signature => signature;

    /// <summary>
    /// Parses <paramref name="token"/>. Returns false with an <paramref name="error"/> on any bad input (never
    /// throws on it); the error's message names the rule broken, never a value from the token.
    /// </summary>
    public static bool TryParse(string? token, JwsParseOptions? options, [NotNullWhen(true)] out JwsCompact? jws, [NotNullWhen(false)] out VerificationError? error)
    {
        options ??= JwsParseOptions.Default;
        jws = null;
        if (string.IsNullOrEmpty(token))
        {
            error = Malformed("The token is empty.");
            return false;
        }

        // Size first: nothing is decoded for an oversized token.
        if (token.Length > options.MaxTokenLength)
        {
            error = new VerificationError(VerificationErrorCode.TokenTooLarge, "The token is longer than the limit.");
            return false;
        }

        var span = token.AsSpan();
        var firstDot = span.IndexOf('.');
        var lastDot = span.LastIndexOf('.');
        if (firstDot < 0 || firstDot == lastDot || span[(firstDot + 1)..lastDot].Contains('.'))
        {
            error = Malformed("A compact JWS has exactly three segments.");
            return false;
        }

        var encodedHeader = span[..firstDot];
        var encodedPayload = span[(firstDot + 1)..lastDot];
        var encodedSignature = span[(lastDot + 1)..];
        if (encodedHeader.Length > options.MaxHeaderLength)
        {
            error = new VerificationError(VerificationErrorCode.TokenTooLarge, "The JWS header is longer than the limit.");
            return false;
        }

        if (encodedHeader.IsEmpty || encodedSignature.IsEmpty)
        {
            error = Malformed("A JWS segment is empty.");
            return false;
        }

        // Base64UrlStrict's rules, checked over the chars at once so that header.payload can then be narrowed to
        // ASCII a single time: those bytes are both the signing input and the input of the (fastest, UTF-8) decoder.
        if (!Base64UrlStrict.IsStrict(encodedHeader) || !Base64UrlStrict.IsStrict(encodedPayload) || !Base64UrlStrict.IsStrict(encodedSignature))
        {
            error = Malformed("A JWS segment is not strict unpadded base64url.");
            return false;
        }

        var signingInput = new byte[lastDot];
        _ = System.Text.Ascii.FromUtf16(span[..lastDot], signingInput, out _);
        if (!TryDecode(signingInput.AsSpan(0, firstDot), out var headerBytes) ||
            !TryDecode(signingInput.AsSpan(firstDot + 1), out var payloadBytes) ||
            !Base64UrlStrict.TryDecode(encodedSignature, out var signature))
        {
            error = Malformed("A JWS segment is not strict unpadded base64url.");
            return false;
        }

        if (!StrictJson.TryParseObject(headerBytes, options.MaxJsonDepth, "header", out var headerJson, out error) ||
            !JoseHeader.TryCreate(headerJson, out var header, out error))
        {
            return false;
        }

        JsonElement? payload = null;
        if (options.RequireJsonPayload)
        {
            if (!StrictJson.TryParseObject(payloadBytes, options.MaxJsonDepth, "payload", out var payloadJson, out error))
            {
                return false;
            }

            payload = payloadJson;
        }

        // Refused here rather than at verification so that a token that can never verify costs no DID resolution.
        if (signature.Length != header.Algorithm.SignatureSize)
        {
            error = Malformed("The JWS signature has the wrong length for its algorithm.");
            return false;
        }

        jws = new JwsCompact(header, signingInput, payloadBytes, payload, signature);
        error = null;
        return true;
    }

    /// <summary>Parses with the default options.</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out JwsCompact? jws, [NotNullWhen(false)] out VerificationError? error) =>
        TryParse(token, null, out jws, out error);

    /// <summary>Throwing wrapper over <see cref="TryParse(string?, JwsParseOptions?, out JwsCompact?, out VerificationError?)"/>.</summary>
    /// <exception cref="FormatException">The token is not a valid compact JWS; the message names the rule broken.</exception>
    public static JwsCompact Parse(string token, JwsParseOptions? options = null) =>
        TryParse(token, options, out var jws, out var error) ? jws : throw new FormatException($"{error.Code}: {error.Message}");

    /// <summary>
    /// Whether the signature verifies with <paramref name="key"/>. False when the key's type does not fit the
    /// algorithm. The header's <c>jwk</c> is never consulted. For ES256K-R this recovers once per call: to test many
    /// keys, call <see cref="RecoverSignerCandidates"/> once and compare.
    /// </summary>
    public bool Verify(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Type == Header.Algorithm.KeyType && Header.Algorithm.Verify(key, signingInput, signature);
    }

    /// <summary>
    /// <see cref="Verify(PublicKey)"/> with the secp256k1 work done by <paramref name="secp256k1"/>, so that tests and
    /// benchmarks can run the whole JWS path on either implementation. Other algorithms ignore it.
    /// </summary>
    internal bool Verify(PublicKey key, Secp256k1 secp256k1)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != Header.Algorithm.KeyType)
        {
            return false;
        }

        if (Header.Algorithm == SignatureAlgorithm.ES256K)
        {
            Span<byte> hash = stackalloc byte[Secp256k1.HashSize];
            SHA256.HashData(signingInput, hash);
            return secp256k1.Verify(hash, signature, key.Bytes);
        }

        if (Header.Algorithm == SignatureAlgorithm.ES256KR)
        {
            var candidates = RecoverSignerCandidates(secp256k1);
            return candidates.Count == 1 && candidates[0].Equals(key);
        }

        return Header.Algorithm.Verify(key, signingInput, signature);
    }

    /// <summary>
    /// Verifies with the key embedded in the header (<c>jwk</c>), which the caller asks for by calling this method:
    /// a valid result proves only that the token was signed by the key it carries. The caller must still decide that
    /// this key is authorized (e.g. it is the key of a did:jwk, or its thumbprint was bound earlier).
    /// </summary>
    public bool VerifyWithEmbeddedKey([NotNullWhen(true)] out PublicKey? embeddedKey)
    {
        embeddedKey = null;
        if (Header.Key is null || !Header.Key.TryGetPublicKey(out var key) || !Verify(key))
        {
            return false;
        }

        embeddedKey = key;
        return true;
    }

    /// <summary>
    /// The secp256k1 public keys that could have made this signature, for matching verification methods that hold
    /// only an address (did-jwt's way with <c>blockchainAccountId</c>/<c>ethereumAddress</c>): for ES256K-R the one
    /// key named by the recovery byte (0 or 1); for ES256K the keys of recovery ids 0 and then 1. Each recovered key
    /// verifies the signature by construction, so the caller only compares addresses (or keys) with its candidates.
    /// Empty for other algorithms or when nothing is recoverable.
    /// </summary>
    public IReadOnlyList<PublicKey> RecoverSignerCandidates() => RecoverSignerCandidates(Secp256k1.Default);

    /// <summary><see cref="RecoverSignerCandidates()"/> on a chosen secp256k1 implementation.</summary>
    internal IReadOnlyList<PublicKey> RecoverSignerCandidates(Secp256k1 secp256k1)
    {
        if (Header.Algorithm == SignatureAlgorithm.ES256KR)
        {
            return signature[64] <= 1 && TryRecover(secp256k1, signature[64], out var key) ? [key] : [];
        }

        if (Header.Algorithm != SignatureAlgorithm.ES256K)
        {
            return [];
        }

        Span<byte> hash = stackalloc byte[Secp256k1.HashSize];
        SHA256.HashData(signingInput, hash);
        var keys = new List<PublicKey>(2);
        for (var recoveryId = 0; recoveryId <= 1; recoveryId++)
        {
            if (TryRecover(secp256k1, hash, recoveryId, out var key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private bool TryRecover(Secp256k1 secp256k1, int recoveryId, [NotNullWhen(true)] out PublicKey? key)
    {
        Span<byte> hash = stackalloc byte[Secp256k1.HashSize];
        SHA256.HashData(signingInput, hash);
        return TryRecover(secp256k1, hash, recoveryId, out key);
    }

    private bool TryRecover(Secp256k1 secp256k1, ReadOnlySpan<byte> hash, int recoveryId, [NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        var recovered = new byte[Secp256k1.UncompressedPublicKeySize];
        if (!secp256k1.TryRecover(hash, signature.AsSpan(0, Secp256k1.SignatureSize), recoveryId, recovered))
        {
            return false;
        }

        // A recovered key is a point on the curve by construction (both implementations return only such points),
        // so it is wrapped as it is rather than parsed and checked again.
        key = PublicKey.FromTrustedBytes(KeyType.Secp256k1, recovered);
        return true;
    }

    // For ASCII already checked by Base64UrlStrict.IsStrict only.
    private static bool TryDecode(ReadOnlySpan<byte> utf8, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(utf8.Length)];
        if (Base64Url.DecodeFromUtf8(utf8, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        if (written != bytes.Length)
        {
            bytes = bytes[..written];
        }

        return true;
    }

    private static VerificationError Malformed(string message) => new(VerificationErrorCode.Malformed, message);
}
