namespace Identity.Shared.Dids;

/// <summary>Verification method <c>type</c> values this product reads or writes.</summary>
public static class VerificationMethodTypes
{
    /// <summary>secp256k1 key (publicKeyJwk, publicKeyHex, …).</summary>
    public const string EcdsaSecp256k1VerificationKey2019 = "EcdsaSecp256k1VerificationKey2019";

    /// <summary>secp256k1 identified by an account (blockchainAccountId / ethereumAddress): the key is recovered from a signature.</summary>
    public const string EcdsaSecp256k1RecoveryMethod2020 = "EcdsaSecp256k1RecoveryMethod2020";

    /// <summary>Legacy secp256k1 type still found in old documents.</summary>
    public const string Secp256k1VerificationKey2018 = "Secp256k1VerificationKey2018";

    /// <summary>Legacy secp256k1 type still found in old documents.</summary>
    public const string Secp256k1SignatureVerificationKey2018 = "Secp256k1SignatureVerificationKey2018";

    /// <summary>Legacy secp256k1 type still found in old documents.</summary>
    public const string EcdsaPublicKeySecp256k1 = "EcdsaPublicKeySecp256k1";

    /// <summary>Ed25519 (publicKeyBase58 and others).</summary>
    public const string Ed25519VerificationKey2018 = "Ed25519VerificationKey2018";

    /// <summary>Ed25519 as publicKeyMultibase <c>z6Mk…</c>.</summary>
    public const string Ed25519VerificationKey2020 = "Ed25519VerificationKey2020";

    /// <summary>Legacy Ed25519 type still found in old documents.</summary>
    public const string Ed25519SignatureVerification = "ED25519SignatureVerification";

    /// <summary>P-256.</summary>
    public const string EcdsaSecp256r1VerificationKey2019 = "EcdsaSecp256r1VerificationKey2019";

    /// <summary>Any key as publicKeyJwk.</summary>
    public const string JsonWebKey2020 = "JsonWebKey2020";

    /// <summary>The Controlled Identifiers <c>JsonWebKey</c> type.</summary>
    public const string JsonWebKey = "JsonWebKey";

    /// <summary>Any key as multicodec-prefixed publicKeyMultibase.</summary>
    public const string Multikey = "Multikey";

    /// <summary>X25519 key agreement (not a signing key).</summary>
    public const string X25519KeyAgreementKey2019 = "X25519KeyAgreementKey2019";

    /// <summary>X25519 key agreement as publicKeyMultibase (not a signing key).</summary>
    public const string X25519KeyAgreementKey2020 = "X25519KeyAgreementKey2020";
}
