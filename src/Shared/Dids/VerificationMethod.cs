using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Dids;

/// <summary>
/// A verification method (DID Core §5.2). Members this model does not name are kept, in order, in
/// <see cref="AdditionalProperties"/>. Key material is kept as written; <see cref="TryGetPublicKey(out PublicKey?, out string?)"/>
/// decodes it according to <see cref="Type"/>.
/// </summary>
public sealed record VerificationMethod
{
    /// <summary>The method's DID URL (may be relative, <c>#key-1</c>, in documents from the wild).</summary>
    public required string Id { get; init; }

    /// <summary>The method type, e.g. <see cref="VerificationMethodTypes.Multikey"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The controller DID (DID Core requires it; null when a document from the wild omits it).</summary>
    public string? Controller { get; init; }

    /// <summary>A public JWK, kept as JSON (it may be of a kind this product does not sign with, e.g. X25519).</summary>
    public JsonElement? PublicKeyJwk { get; init; }

    /// <summary>Hex key bytes (legacy, did:ethr v11).</summary>
    public string? PublicKeyHex { get; init; }

    /// <summary>Base58btc key bytes (legacy).</summary>
    public string? PublicKeyBase58 { get; init; }

    /// <summary>Base64 key bytes (legacy).</summary>
    public string? PublicKeyBase64 { get; init; }

    /// <summary>Multibase (usually <c>z</c> + base58btc of the multicodec-prefixed key).</summary>
    public string? PublicKeyMultibase { get; init; }

    /// <summary>CAIP-10 account, e.g. <c>eip155:1:0xB9C5…</c>.</summary>
    public string? BlockchainAccountId { get; init; }

    /// <summary>Legacy Ethereum address.</summary>
    public string? EthereumAddress { get; init; }

    /// <summary>Other members, in document order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>True when the method names an account (address) rather than carrying a public key.</summary>
    public bool HasAccountOnly =>
        (BlockchainAccountId is not null || EthereumAddress is not null) && CountKeyMaterial() == 0;

    /// <summary>The signing public key of this method; false for address-only, key-agreement or unknown methods.</summary>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key) => TryGetPublicKey(out key, out _);

    /// <summary>
    /// Decodes the signing public key. The method type fixes the curve (EcdsaSecp256k1VerificationKey2019 and
    /// EcdsaSecp256k1RecoveryMethod2020 with a key: secp256k1; Ed25519VerificationKey2018/2020: Ed25519;
    /// EcdsaSecp256r1VerificationKey2019: P-256); JsonWebKey2020 and Multikey describe their own curve. Exactly one
    /// key material member must be present (DID Core §5.2.1). X25519 key agreement keys are not signing keys.
    /// </summary>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!TryGetExpectedKeyType(out var expected, out error))
        {
            return false;
        }

        var materials = CountKeyMaterial();
        if (materials == 0)
        {
            error = BlockchainAccountId is not null || EthereumAddress is not null
                ? "The verification method names an account, not a public key; the key must be recovered from the signature."
                : "The verification method has no public key material.";
            return false;
        }

        if (materials > 1)
        {
            error = "The verification method has more than one public key material member.";
            return false;
        }

        if (PublicKeyJwk is { } jwkElement)
        {
            return TryDecodeJwk(jwkElement, expected, out key, out error);
        }

        if (PublicKeyMultibase is not null)
        {
            return TryDecodeMultibase(PublicKeyMultibase, expected, out key, out error);
        }

        if (expected is null)
        {
            error = $"A {Type} method carries its key as publicKeyJwk or publicKeyMultibase.";
            return false;
        }

        byte[]? raw;
        if (PublicKeyBase58 is not null)
        {
            if (!Base58.TryDecode(PublicKeyBase58, out raw))
            {
                error = "publicKeyBase58 is not base58btc.";
                return false;
            }
        }
        else if (PublicKeyBase64 is not null)
        {
            if (!TryDecodeBase64(PublicKeyBase64, out raw))
            {
                error = "publicKeyBase64 is not base64.";
                return false;
            }
        }
        else if (!Hex.TryDecode(PublicKeyHex, out var hex))
        {
            error = "publicKeyHex is not hexadecimal.";
            return false;
        }
        else
        {
            raw = hex;
        }

        return TryImport(expected.Value, raw, out key, out error);
    }

    /// <summary>Writes the method as a JSON object: id, type, controller, key material, account, then other members.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("type", Type);
        if (Controller is not null)
        {
            writer.WriteString("controller", Controller);
        }

        if (PublicKeyJwk is { } jwk)
        {
            writer.WritePropertyName("publicKeyJwk");
            jwk.WriteTo(writer);
        }

        WriteOptional(writer, "publicKeyHex", PublicKeyHex);
        WriteOptional(writer, "publicKeyBase58", PublicKeyBase58);
        WriteOptional(writer, "publicKeyBase64", PublicKeyBase64);
        WriteOptional(writer, "publicKeyMultibase", PublicKeyMultibase);
        WriteOptional(writer, "blockchainAccountId", BlockchainAccountId);
        WriteOptional(writer, "ethereumAddress", EthereumAddress);
        DidJson.WriteAdditional(writer, AdditionalProperties);
        writer.WriteEndObject();
    }

    /// <summary>JSON text of the method.</summary>
    public string ToJson(bool indented = false) => DidJson.ToJson(WriteTo, indented);

    /// <summary>Reads a verification method object; unknown members are kept.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out VerificationMethod? method, [NotNullWhen(false)] out string? error)
    {
        method = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A verification method must be a JSON object.";
            return false;
        }

        string? id = null, type = null, controller = null, hex = null, base58 = null, base64 = null, multibase = null, account = null, address = null;
        JsonElement? jwk = null;
        OrderedDictionary<string, JsonElement>? additional = null;
        foreach (var property in element.EnumerateObject())
        {
            var ok = true;
            error = null;
            switch (property.Name)
            {
                case "id": ok = DidJson.TryGetString(property.Value, "id", out id, out error); break;
                case "type": ok = DidJson.TryGetString(property.Value, "type", out type, out error); break;
                case "controller": ok = DidJson.TryGetString(property.Value, "controller", out controller, out error); break;
                case "publicKeyHex": ok = DidJson.TryGetString(property.Value, "publicKeyHex", out hex, out error); break;
                case "publicKeyBase58": ok = DidJson.TryGetString(property.Value, "publicKeyBase58", out base58, out error); break;
                case "publicKeyBase64": ok = DidJson.TryGetString(property.Value, "publicKeyBase64", out base64, out error); break;
                case "publicKeyMultibase": ok = DidJson.TryGetString(property.Value, "publicKeyMultibase", out multibase, out error); break;
                case "blockchainAccountId": ok = DidJson.TryGetString(property.Value, "blockchainAccountId", out account, out error); break;
                case "ethereumAddress": ok = DidJson.TryGetString(property.Value, "ethereumAddress", out address, out error); break;
                case "publicKeyJwk":
                    if (property.Value.ValueKind != JsonValueKind.Object)
                    {
                        error = "'publicKeyJwk' must be a JSON object.";
                        ok = false;
                    }
                    else if (property.Value.TryGetProperty("d", out _))
                    {
                        // DID Core §5.2.1: private key material must not appear in a DID document.
                        error = "'publicKeyJwk' must not contain private key material (d).";
                        ok = false;
                    }
                    else
                    {
                        jwk = property.Value.Clone();
                    }

                    break;
                default:
                    additional ??= [];
                    additional[property.Name] = property.Value.Clone();
                    break;
            }

            if (!ok)
            {
                error ??= "Invalid verification method.";
                return false;
            }
        }

        if (id is null || type is null)
        {
            error = "A verification method needs id and type.";
            return false;
        }

        method = new VerificationMethod
        {
            Id = id,
            Type = type,
            Controller = controller,
            PublicKeyJwk = jwk,
            PublicKeyHex = hex,
            PublicKeyBase58 = base58,
            PublicKeyBase64 = base64,
            PublicKeyMultibase = multibase,
            BlockchainAccountId = account,
            EthereumAddress = address,
            AdditionalProperties = additional,
        };
        error = null;
        return true;
    }

    private int CountKeyMaterial() =>
        (PublicKeyJwk is null ? 0 : 1) + (PublicKeyHex is null ? 0 : 1) + (PublicKeyBase58 is null ? 0 : 1) +
        (PublicKeyBase64 is null ? 0 : 1) + (PublicKeyMultibase is null ? 0 : 1);

    private bool TryGetExpectedKeyType(out KeyType? expected, [NotNullWhen(false)] out string? error)
    {
        expected = null;
        error = null;
        switch (Type)
        {
            case VerificationMethodTypes.EcdsaSecp256k1VerificationKey2019:
            case VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020:
            case VerificationMethodTypes.Secp256k1VerificationKey2018:
            case VerificationMethodTypes.Secp256k1SignatureVerificationKey2018:
            case VerificationMethodTypes.EcdsaPublicKeySecp256k1:
                expected = KeyType.Secp256k1;
                return true;
            case VerificationMethodTypes.Ed25519VerificationKey2018:
            case VerificationMethodTypes.Ed25519VerificationKey2020:
            case VerificationMethodTypes.Ed25519SignatureVerification:
                expected = KeyType.Ed25519;
                return true;
            case VerificationMethodTypes.EcdsaSecp256r1VerificationKey2019:
                expected = KeyType.P256;
                return true;
            case VerificationMethodTypes.JsonWebKey2020:
            case VerificationMethodTypes.JsonWebKey:
            case VerificationMethodTypes.Multikey:
                return true;
            case VerificationMethodTypes.X25519KeyAgreementKey2019:
            case VerificationMethodTypes.X25519KeyAgreementKey2020:
                error = "An X25519 key agreement key is not a signing key.";
                return false;
            default:
                error = $"Unsupported verification method type '{Type}'.";
                return false;
        }
    }

    private static bool TryDecodeJwk(JsonElement element, KeyType? expected, [NotNullWhen(true)] out PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (element.TryGetProperty("crv", out var crv) && crv.ValueKind == JsonValueKind.String && crv.GetString() == "X25519")
        {
            error = "An X25519 JWK is a key agreement key, not a signing key.";
            return false;
        }

        if (!Jwk.TryParse(element, out var jwk, out var jwkError))
        {
            error = "publicKeyJwk: " + jwkError;
            return false;
        }

        if (!jwk.TryGetPublicKey(out key))
        {
            error = "publicKeyJwk does not hold a valid public key.";
            return false;
        }

        return CheckType(ref key, expected, out error);
    }

    private static bool TryDecodeMultibase(string text, KeyType? expected, [NotNullWhen(true)] out PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!Multibase.TryDecode(text, out var bytes))
        {
            error = "publicKeyMultibase is not multibase in a supported base.";
            return false;
        }

        // did-jwt's rule: raw key lengths are taken as is (old Ed25519VerificationKey2020 documents), anything
        // else carries a multicodec prefix (ed25519 0xed01 + 32 = 34 bytes, secp256k1/P-256 + 33 = 35 bytes).
        if (expected is { } type && bytes.Length is 32 or 33 or 65)
        {
            return TryImport(type, bytes, out key, out error);
        }

        if (Multicodec.TryReadPrefix(bytes, out var code, out _) && code == Multicodec.X25519Pub)
        {
            error = "publicKeyMultibase holds an X25519 key agreement key, not a signing key.";
            return false;
        }

        if (!Multicodec.TryDecodePublicKey(bytes, out key, out error))
        {
            error = "publicKeyMultibase: " + error;
            return false;
        }

        return CheckType(ref key, expected, out error);
    }

    private static bool TryImport(KeyType type, byte[] raw, [NotNullWhen(true)] out PublicKey? key, [NotNullWhen(false)] out string? error)
    {
        if (PublicKey.TryImport(type, raw, out key))
        {
            error = null;
            return true;
        }

        error = $"The key material is not a valid {type} public key ({raw.Length} bytes).";
        return false;
    }

    private static bool CheckType([NotNullWhen(true)] ref PublicKey? key, KeyType? expected, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (expected is { } type && key.Type != type)
        {
            error = $"The key is {key.Type} but the method type requires {type}.";
            key = null;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Standard base64 with or without padding, strictly: mapped onto the strict base64url decoder.</summary>
    private static bool TryDecodeBase64(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var trimmed = text.AsSpan().TrimEnd('=');
        var padding = text.Length - trimmed.Length;
        if (padding > 2 || (padding > 0 && text.Length % 4 != 0))
        {
            return false;
        }

        var chars = new char[trimmed.Length];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '-' or '_')
            {
                return false;
            }

            chars[i] = c switch { '+' => '-', '/' => '_', _ => c };
        }

        if (!Base64UrlStrict.TryDecode(chars, out var decoded))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
