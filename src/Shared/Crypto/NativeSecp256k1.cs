using System.Runtime.InteropServices;

namespace Identity.Shared.Crypto;

/// <summary>
/// secp256k1 through the system's libsecp256k1 (Debian <c>libsecp256k1-1</c>, built with the recovery module).
/// One context is created for the process and never destroyed: libsecp256k1 contexts are thread-safe for every
/// call made here (none of them mutates the context).
/// </summary>
internal sealed unsafe partial class NativeSecp256k1 : Secp256k1
{
    private const string Library = "libsecp256k1.so.1";

    // SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY, accepted (and ignored) by 0.2+ as well as older releases.
    private const uint ContextSignVerify = (1u << 0) | (1u << 8) | (1u << 9);
    private const uint UncompressedFlag = 1u << 1;

    // Opaque structs of 64 (pubkey, signature) and 65 (recoverable signature) bytes.
    private const int OpaquePublicKeySize = 64;
    private const int OpaqueSignatureSize = 64;
    private const int OpaqueRecoverableSignatureSize = 65;

    internal static readonly NativeSecp256k1? Instance = TryCreate();

    private readonly nint context;

    private NativeSecp256k1(nint context) => this.context = context;

    public override string Name => "libsecp256k1";

    public override bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
        {
            return false;
        }

        fixed (byte* key = privateKey)
        {
            return secp256k1_ec_seckey_verify(context, key) == 1;
        }
    }

    public override bool TryGetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> uncompressedPublicKey)
    {
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (privateKey.Length != PrivateKeySize)
        {
            return false;
        }

        byte* opaque = stackalloc byte[OpaquePublicKeySize];
        fixed (byte* key = privateKey)
        {
            if (secp256k1_ec_pubkey_create(context, opaque, key) != 1)
            {
                return false;
            }
        }

        SerializeUncompressed(opaque, uncompressedPublicKey);
        return true;
    }

    public override bool TryParsePublicKey(ReadOnlySpan<byte> encodedPublicKey, Span<byte> uncompressedPublicKey)
    {
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        byte* opaque = stackalloc byte[OpaquePublicKeySize];
        if (!TryParse(encodedPublicKey, opaque))
        {
            return false;
        }

        SerializeUncompressed(opaque, uncompressedPublicKey);
        return true;
    }

    public override int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature)
    {
        CheckHash(hash);
        CheckLength(signature, SignatureSize, nameof(signature));
        if (privateKey.Length != PrivateKeySize)
        {
            throw new ArgumentException("The private key must be 32 bytes.", nameof(privateKey));
        }

        byte* recoverable = stackalloc byte[OpaqueRecoverableSignatureSize];
        int recoveryId;
        fixed (byte* message = hash)
        fixed (byte* key = privateKey)
        fixed (byte* output = signature)
        {
            // A null nonce function selects the library's RFC 6979 (HMAC-SHA256) default; its signatures are low-S.
            if (secp256k1_ecdsa_sign_recoverable(context, recoverable, message, key, 0, 0) != 1)
            {
                throw new ArgumentException("The private key is not a valid secp256k1 scalar.", nameof(privateKey));
            }

            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(context, output, &recoveryId, recoverable);
        }

        return recoveryId;
    }

    public override bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey)
    {
        CheckHash(hash);
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        byte* opaqueKey = stackalloc byte[OpaquePublicKeySize];
        byte* opaqueSignature = stackalloc byte[OpaqueSignatureSize];
        if (!TryParse(publicKey, opaqueKey))
        {
            return false;
        }

        fixed (byte* compact = signature)
        fixed (byte* message = hash)
        {
            if (secp256k1_ecdsa_signature_parse_compact(context, opaqueSignature, compact) != 1)
            {
                return false;
            }

            // libsecp256k1 refuses high-S outright; did-jwt accepts it, so normalise first (same verdicts as the managed path).
            _ = secp256k1_ecdsa_signature_normalize(context, opaqueSignature, opaqueSignature);
            return secp256k1_ecdsa_verify(context, opaqueSignature, message, opaqueKey) == 1;
        }
    }

    public override bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> uncompressedPublicKey)
    {
        CheckHash(hash);
        CheckLength(uncompressedPublicKey, UncompressedPublicKeySize, nameof(uncompressedPublicKey));
        if (recoveryId is < 0 or > 3 || signature.Length != SignatureSize)
        {
            return false;
        }

        byte* recoverable = stackalloc byte[OpaqueRecoverableSignatureSize];
        byte* opaqueKey = stackalloc byte[OpaquePublicKeySize];
        fixed (byte* compact = signature)
        fixed (byte* message = hash)
        {
            if (secp256k1_ecdsa_recoverable_signature_parse_compact(context, recoverable, compact, recoveryId) != 1 ||
                secp256k1_ecdsa_recover(context, opaqueKey, recoverable, message) != 1)
            {
                return false;
            }
        }

        SerializeUncompressed(opaqueKey, uncompressedPublicKey);
        return true;
    }

    private static NativeSecp256k1? TryCreate()
    {
        try
        {
            if (!NativeLibrary.TryLoad(Library, typeof(NativeSecp256k1).Assembly, null, out _))
            {
                return null;
            }

            var context = secp256k1_context_create(ContextSignVerify);
            return context == 0 ? null : new NativeSecp256k1(context);
        }
        catch (EntryPointNotFoundException)
        {
            // A build without the recovery module is of no use to did:ethr.
            return null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }

    private bool TryParse(ReadOnlySpan<byte> encoded, byte* opaque)
    {
        if (!HasPointPrefix(encoded))
        {
            return false;
        }

        fixed (byte* input = encoded)
        {
            return secp256k1_ec_pubkey_parse(context, opaque, input, (nuint)encoded.Length) == 1;
        }
    }

    private void SerializeUncompressed(byte* opaque, Span<byte> destination)
    {
        nuint length = UncompressedPublicKeySize;
        fixed (byte* output = destination)
        {
            _ = secp256k1_ec_pubkey_serialize(context, output, &length, opaque, UncompressedFlag);
        }
    }

    [LibraryImport(Library)]
    private static partial nint secp256k1_context_create(uint flags);

    [LibraryImport(Library)]
    private static partial int secp256k1_ec_seckey_verify(nint context, byte* seckey);

    [LibraryImport(Library)]
    private static partial int secp256k1_ec_pubkey_create(nint context, byte* pubkey, byte* seckey);

    [LibraryImport(Library)]
    private static partial int secp256k1_ec_pubkey_parse(nint context, byte* pubkey, byte* input, nuint inputLength);

    [LibraryImport(Library)]
    private static partial int secp256k1_ec_pubkey_serialize(nint context, byte* output, nuint* outputLength, byte* pubkey, uint flags);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_signature_parse_compact(nint context, byte* signature, byte* input64);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_signature_normalize(nint context, byte* output, byte* input);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_verify(nint context, byte* signature, byte* message32, byte* pubkey);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_sign_recoverable(nint context, byte* signature, byte* message32, byte* seckey, nint nonceFunction, nint nonceData);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_recoverable_signature_serialize_compact(nint context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_recoverable_signature_parse_compact(nint context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(Library)]
    private static partial int secp256k1_ecdsa_recover(nint context, byte* pubkey, byte* signature, byte* message32);
}
