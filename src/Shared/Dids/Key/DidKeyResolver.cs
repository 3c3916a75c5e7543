using System.Numerics;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Microsoft.Extensions.Options;

namespace Identity.Shared.Dids;

/// <summary>
/// did:key (w3c-ccg did-method-key): the DID is <c>did:key:z</c> + base58btc(multicodec ‖ key). Supported codecs:
/// ed25519-pub (32 bytes), secp256k1-pub and p256-pub (33-byte compressed points), x25519-pub (32 bytes, key
/// agreement only). The document follows the spec's creation algorithm with <see cref="DidKeyOptions"/>; by default
/// one Multikey method referenced from authentication, assertionMethod, capabilityInvocation and
/// capabilityDelegation, plus for Ed25519 a derived X25519 keyAgreement method.
/// </summary>
public sealed class DidKeyResolver : IDidMethodResolver
{
    private const string DidContext = "https://www.w3.org/ns/did/v1";
    private const string MultikeyContext = "https://w3id.org/security/multikey/v1";
    private const string Ed25519Context = "https://w3id.org/security/suites/ed25519-2020/v1";
    private const string X25519Context = "https://w3id.org/security/suites/x25519-2020/v1";
    private const string JwsContext = "https://w3id.org/security/suites/jws-2020/v1";

    /// <summary>2^255 − 19, the field of Curve25519.</summary>
    private static readonly BigInteger FieldPrime = BigInteger.Pow(2, 255) - 19;

    private readonly DidKeyOptions options;

    /// <summary>Creates the resolver with default options.</summary>
    public DidKeyResolver()
        : this(new DidKeyOptions())
    {
    }

    /// <summary>Creates the resolver.</summary>
    public DidKeyResolver(DidKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PublicKeyFormat is not (VerificationMethodTypes.Multikey or VerificationMethodTypes.Ed25519VerificationKey2020 or VerificationMethodTypes.JsonWebKey2020))
        {
            throw new ArgumentException($"DidKeyOptions.PublicKeyFormat must be Multikey, Ed25519VerificationKey2020 or JsonWebKey2020, not '{options.PublicKeyFormat}'.", nameof(options));
        }

        this.options = options;
    }

    /// <summary>Creates the resolver from DI options.</summary>
    public DidKeyResolver(IOptions<DidKeyOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <inheritdoc />
    public string Method => "key";

    /// <summary>The did:key of a public key.</summary>
    public static string CreateDid(PublicKey key) => "did:key:" + Multibase.EncodeBase58Btc(Multicodec.EncodePublicKey(key));

    /// <inheritdoc />
    public Task<DidResolutionResult> ResolveAsync(DidUrl didUrl, DidResolutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(didUrl);
        ArgumentNullException.ThrowIfNull(options);
        return Task.FromResult(Resolve(didUrl.Did, options));
    }

    /// <summary>Expands a did:key into its result (synchronous: nothing is fetched).</summary>
    public DidResolutionResult Resolve(Did did, DidResolutionOptions? resolutionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!DidContentTypes.TryNegotiate(resolutionOptions?.Accept, out var contentType))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.RepresentationNotSupported, "did:key supports application/did+ld+json and application/did+json.");
        }

        var multibaseValue = did.MethodSpecificId;
        if (did.Method != Method || multibaseValue.Contains(':', StringComparison.Ordinal) || !Multibase.TryDecodeBase58Btc(multibaseValue, out var bytes))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "A did:key is did:key:z followed by base58btc.");
        }

        if (!Multicodec.TryReadPrefix(bytes, out var code, out var prefixLength))
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidDid, "The did:key value does not start with a multicodec varint.");
        }

        var raw = bytes.AsSpan(prefixLength);
        var expectedLength = code switch
        {
            Multicodec.Ed25519Pub or Multicodec.X25519Pub => 32,
            Multicodec.Secp256k1Pub or Multicodec.P256Pub => 33,
            _ => 0,
        };
        if (expectedLength == 0)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.UnsupportedPublicKeyType, $"The multicodec 0x{code:x} is not supported (ed25519-pub, x25519-pub, secp256k1-pub, p256-pub).");
        }

        if (raw.Length != expectedLength)
        {
            return DidResolutionResult.Failure(DidResolutionErrors.InvalidPublicKeyLength, $"A key of multicodec 0x{code:x} is {expectedLength} bytes, not {raw.Length}.");
        }

        var id = did.Value;
        DidDocument document;
        if (code == Multicodec.X25519Pub)
        {
            document = KeyAgreementOnlyDocument(id, multibaseValue, raw.ToArray());
        }
        else
        {
            Multicodec.TryGetKeyType(code, out var type);
            if (!PublicKey.TryImport(type, raw, out var key))
            {
                return DidResolutionResult.Failure(DidResolutionErrors.InvalidPublicKey, $"The did:key bytes are not a valid {type} public key.");
            }

            if (options.PublicKeyFormat == VerificationMethodTypes.Ed25519VerificationKey2020 && type != KeyType.Ed25519)
            {
                return DidResolutionResult.Failure(DidResolutionErrors.UnsupportedPublicKeyType, "Ed25519VerificationKey2020 is configured, but the key is not Ed25519.");
            }

            document = SigningDocument(id, multibaseValue, key);
        }

        if (contentType == DidContentTypes.DidJson)
        {
            document = document with { Context = null };
        }

        return DidResolutionResult.Success(document, contentType);
    }

    private DidDocument SigningDocument(string did, string multibaseValue, PublicKey key)
    {
        var methodId = did + "#" + multibaseValue;
        var method = new VerificationMethod
        {
            Id = methodId,
            Type = options.PublicKeyFormat,
            Controller = did,
            PublicKeyMultibase = options.PublicKeyFormat == VerificationMethodTypes.JsonWebKey2020 ? null : multibaseValue,
            PublicKeyJwk = options.PublicKeyFormat == VerificationMethodTypes.JsonWebKey2020 ? JwkElement(key) : null,
        };

        var methods = new List<VerificationMethod> { method };
        List<VerificationMethodReference>? keyAgreement = null;
        if (key.Type == KeyType.Ed25519 && options.EnableEncryptionKeyDerivation && TryDeriveX25519(key.Bytes, out var x25519))
        {
            var agreement = X25519Method(did, x25519);
            methods.Add(agreement);
            keyAgreement = [VerificationMethodReference.To(agreement.Id)];
        }

        var reference = VerificationMethodReference.To(methodId);
        return new DidDocument
        {
            Context = Context(methods),
            Id = did,
            VerificationMethod = methods,
            Authentication = [reference],
            AssertionMethod = [reference],
            KeyAgreement = keyAgreement,
            CapabilityInvocation = [reference],
            CapabilityDelegation = [reference],
        };
    }

    private DidDocument KeyAgreementOnlyDocument(string did, string multibaseValue, byte[] x25519)
    {
        var method = X25519Method(did, x25519) with { Id = did + "#" + multibaseValue };
        return new DidDocument
        {
            Context = Context([method]),
            Id = did,
            VerificationMethod = [method],
            KeyAgreement = [VerificationMethodReference.To(method.Id)],
        };
    }

    private VerificationMethod X25519Method(string did, byte[] x25519)
    {
        var multibase = Multibase.EncodeBase58Btc(Multicodec.AddPrefix(Multicodec.X25519Pub, x25519));
        return options.PublicKeyFormat switch
        {
            VerificationMethodTypes.JsonWebKey2020 => new VerificationMethod
            {
                Id = did + "#" + multibase,
                Type = VerificationMethodTypes.JsonWebKey2020,
                Controller = did,
                PublicKeyJwk = X25519Jwk(Base64UrlStrict.Encode(x25519)),
            },
            _ => new VerificationMethod
            {
                Id = did + "#" + multibase,
                Type = options.PublicKeyFormat == VerificationMethodTypes.Multikey ? VerificationMethodTypes.Multikey : VerificationMethodTypes.X25519KeyAgreementKey2020,
                Controller = did,
                PublicKeyMultibase = multibase,
            },
        };
    }

    private static JsonElement Context(IReadOnlyList<VerificationMethod> methods)
    {
        var contexts = new List<string> { DidContext };
        foreach (var method in methods)
        {
            var context = method.Type switch
            {
                VerificationMethodTypes.Multikey => MultikeyContext,
                VerificationMethodTypes.Ed25519VerificationKey2020 => Ed25519Context,
                VerificationMethodTypes.X25519KeyAgreementKey2020 => X25519Context,
                _ => JwsContext,
            };
            if (!contexts.Contains(context))
            {
                contexts.Add(context);
            }
        }

        return DidDocument.ContextOf([.. contexts]);
    }

    private static JsonElement JwkElement(PublicKey key)
    {
        using var parsed = JsonDocument.Parse(Jwk.FromPublicKey(key).ToJson());
        return parsed.RootElement.Clone();
    }

    private static JsonElement X25519Jwk(string x)
    {
        using var parsed = JsonDocument.Parse($$"""{"kty":"OKP","crv":"X25519","x":"{{x}}"}""");
        return parsed.RootElement.Clone();
    }

    /// <summary>
    /// The birational map of RFC 7748 §4.1: u = (1 + y) / (1 − y) mod p, from the Edwards y coordinate (the
    /// little-endian key with the sign bit cleared). False for the point with y = 1, which has no image.
    /// </summary>
    internal static bool TryDeriveX25519(ReadOnlySpan<byte> ed25519, out byte[] x25519)
    {
        x25519 = [];
        Span<byte> yBytes = stackalloc byte[32];
        ed25519.CopyTo(yBytes);
        yBytes[31] &= 0x7f;
        var y = new BigInteger(yBytes, isUnsigned: true, isBigEndian: false);
        var denominator = BigInteger.Remainder(1 - y + FieldPrime, FieldPrime);
        if (y >= FieldPrime || denominator.IsZero)
        {
            return false;
        }

        var u = BigInteger.Remainder((1 + y) * BigInteger.ModPow(denominator, FieldPrime - 2, FieldPrime), FieldPrime);
        x25519 = new byte[32];
        u.TryWriteBytes(x25519, out _, isUnsigned: true, isBigEndian: false);
        return true;
    }
}
