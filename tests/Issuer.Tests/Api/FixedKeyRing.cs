using Identity.Issuer.Keys;
using Identity.Shared.Crypto;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// A key ring over in-memory signers: the ISigner plug-in path the service offers for HSMs, used here so that the
/// tests know the keys they registered on chain. The first active key is the default.
/// </summary>
internal sealed class FixedKeyRing(string issuerDid, IReadOnlyList<IssuerKey> keys) : IIssuerKeyRing
{
    public string IssuerDid { get; } = issuerDid;

    public IReadOnlyList<IssuerKey> Keys { get; } = keys;

    public IssuerKey ActiveKey(SignatureAlgorithm? algorithm = null) =>
        Keys.FirstOrDefault(k => k.Active && (algorithm is null || k.Signer.Algorithm == algorithm))
        ?? throw new InvalidOperationException("No active key of that algorithm.");
}
