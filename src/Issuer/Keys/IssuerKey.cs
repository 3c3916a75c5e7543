using Identity.Shared.Crypto;

namespace Identity.Issuer.Keys;

/// <summary>One signing key of the issuer: its verification method id, and a signer that never reveals it.</summary>
/// <param name="KeyId">The DID URL of its verification method (the JWS <c>kid</c>), e.g. <c>did:web:h.example#key-2</c>.</param>
/// <param name="Signer">Signs with the key (from the encrypted key store, or an HSM/KMS plug-in).</param>
/// <param name="Active">False once retired: still listed for verification, no longer used to sign.</param>
public sealed record IssuerKey(string KeyId, ISigner Signer, bool Active);
