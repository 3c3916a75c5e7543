using Identity.Shared.Crypto;

namespace Identity.Issuer.Keys;

/// <summary>
/// The issuer's DID and its signing keys. New credentials are signed with the active key of the requested
/// algorithm; retired keys stay listed (in a did:web document, or on chain for did:ethr) so that credentials
/// they signed stay verifiable after a rotation.
/// </summary>
public interface IIssuerKeyRing
{
    /// <summary>The issuer's DID (did:ethr or did:web).</summary>
    string IssuerDid { get; }

    /// <summary>Every key, active and retired, in the order they were added.</summary>
    IReadOnlyList<IssuerKey> Keys { get; }

    /// <summary>The key that signs new credentials with <paramref name="algorithm"/> (or the default key when null).</summary>
    /// <exception cref="InvalidOperationException">No active key has that algorithm.</exception>
    IssuerKey ActiveKey(SignatureAlgorithm? algorithm = null);
}
