namespace Identity.Shared.Dids;

/// <summary>Options of the did:key document creation algorithm (did:key spec "Document Creation Algorithm").</summary>
public sealed class DidKeyOptions
{
    /// <summary>
    /// The verification method type: <see cref="VerificationMethodTypes.Multikey"/> (default: the type the current
    /// spec and the W3C Controlled Identifiers / Data Integrity specs converge on, also what did:ethr v14 emits),
    /// <see cref="VerificationMethodTypes.Ed25519VerificationKey2020"/> (Ed25519 only; the spec's example) or
    /// <see cref="VerificationMethodTypes.JsonWebKey2020"/>.
    /// </summary>
    public string PublicKeyFormat { get; set; } = VerificationMethodTypes.Multikey;

    /// <summary>
    /// Derive an X25519 key agreement method from an Ed25519 key (the spec's example and the reference
    /// implementations do). Default true.
    /// </summary>
    public bool EnableEncryptionKeyDerivation { get; set; } = true;
}
