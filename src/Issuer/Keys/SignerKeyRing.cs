using Identity.Shared.Crypto;

namespace Identity.Issuer.Keys;

/// <summary>
/// A key ring over signers the host supplies (an HSM or a cloud KMS behind <see cref="ISigner"/>), for deployments
/// that keep no key file. Register it with <c>AddIssuerKeyRing(issuerDid, provider =&gt; keys)</c>.
/// </summary>
public sealed class SignerKeyRing : IIssuerKeyRing
{
    /// <summary>The ring of <paramref name="issuerDid"/> with <paramref name="keys"/> in the order they were added.</summary>
    /// <exception cref="InvalidOperationException">No keys, or two keys with one id.</exception>
    public SignerKeyRing(string issuerDid, IEnumerable<IssuerKey> keys)
    {
        Keys = KeyRingSelection.Check(issuerDid, keys);
        IssuerDid = issuerDid;
    }

    /// <inheritdoc />
    public string IssuerDid { get; }

    /// <inheritdoc />
    public IReadOnlyList<IssuerKey> Keys { get; }

    /// <inheritdoc />
    public IssuerKey ActiveKey(SignatureAlgorithm? algorithm = null) => KeyRingSelection.ActiveKey(Keys, algorithm);

    /// <summary>Names the DID and the number of keys only.</summary>
    public override string ToString() => $"{IssuerDid} ({Keys.Count} keys)";
}
