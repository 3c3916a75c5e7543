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
    private SignerRecovery? recovery;

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
    /// algorithm. The header's <c>jwk</c> is never consulted. For ES256K-R the key is compared with the one the
    /// recovery byte names, recovered once per token however many keys are tried.
    /// </summary>
    public bool Verify(PublicKey key) => Verify(key, Secp256k1.Default);

    /// <summary>
    /// <see cref="Verify(PublicKey)"/> with the secp256k1 work done by <paramref name="secp256k1"/>, so that tests and
    /// benchmarks can run the whole JWS path on either implementation. Other algorithms ignore it. ES256K-R compares
    /// with the key its recovery byte names, recovered once per token whatever the number of keys tried.
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
            return RecoverNamed(secp256k1) is { } recovered && recovered.Key.Equals(key);
        }

        return Header.Algorithm.Verify(key, signingInput, signature);
    }

    /// <summary>
    /// Whether the signer's secp256k1 key has the Ethereum <paramref name="address"/> (did-jwt's match of
    /// <c>blockchainAccountId</c>/<c>ethereumAddress</c> methods). Recovers lazily and once per token: ES256K-R the key
    /// its recovery byte names; ES256K the key of recovery id 0 and, only if that is not the address, of id 1. Asking
    /// about many addresses costs at most those one or two recoveries plus a Keccak-256 per recovered key.
    /// False for other algorithms.
    /// </summary>
    public bool IsSignedByAddress(EthereumAddress address) => IsSignedByAddress(address, Secp256k1.Default);

    /// <summary><see cref="IsSignedByAddress(EthereumAddress)"/> on a chosen secp256k1 implementation.</summary>
    internal bool IsSignedByAddress(EthereumAddress address, Secp256k1 secp256k1)
    {
        if (Header.Algorithm == SignatureAlgorithm.ES256KR)
        {
            return RecoverNamed(secp256k1) is { } named && named.HasAddress(address);
        }

        if (Header.Algorithm != SignatureAlgorithm.ES256K)
        {
            return false;
        }

        var recovery = Recovery(secp256k1);
        return recovery.Get(0) is { } first && first.HasAddress(address) ||
               recovery.Get(1) is { } second && second.HasAddress(address);
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
    /// Empty for other algorithms or when nothing is recoverable. The recoveries are shared with
    /// <see cref="IsSignedByAddress(EthereumAddress)"/> and <see cref="Verify(PublicKey)"/>: each is made once per token.
    /// </summary>
    public IReadOnlyList<PublicKey> RecoverSignerCandidates() => RecoverSignerCandidates(Secp256k1.Default);

    /// <summary><see cref="RecoverSignerCandidates()"/> on a chosen secp256k1 implementation.</summary>
    internal IReadOnlyList<PublicKey> RecoverSignerCandidates(Secp256k1 secp256k1)
    {
        if (Header.Algorithm == SignatureAlgorithm.ES256KR)
        {
            return RecoverNamed(secp256k1) is { } named ? [named.Key] : [];
        }

        if (Header.Algorithm != SignatureAlgorithm.ES256K)
        {
            return [];
        }

        var recovery = Recovery(secp256k1);
        var keys = new List<PublicKey>(2);
        for (var recoveryId = 0; recoveryId <= 1; recoveryId++)
        {
            if (recovery.Get(recoveryId) is { } recovered)
            {
                keys.Add(recovered.Key);
            }
        }

        return keys;
    }

    /// <summary>ES256K-R: the key of the recovery byte (0 or 1; anything else is no key).</summary>
    private SignerRecovery.Recovered? RecoverNamed(Secp256k1 secp256k1) =>
        signature[64] <= 1 ? Recovery(secp256k1).Get(signature[64]) : null;

    /// <summary>The token's recovery cache on <paramref name="secp256k1"/>; asking with another implementation starts a new one.</summary>
    private SignerRecovery Recovery(Secp256k1 secp256k1)
    {
        var current = Volatile.Read(ref recovery);
        if (current is null || !ReferenceEquals(current.Curve, secp256k1))
        {
            current = new SignerRecovery(signingInput, signature, secp256k1);
            Volatile.Write(ref recovery, current);
        }

        return current;
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
