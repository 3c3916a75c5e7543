namespace Identity.Issuer.Keys;

/// <summary>The issuer's DID and its key files, bound from <c>Issuer:Did</c> and <c>Issuer:Keys</c>.</summary>
public sealed class IssuerKeyRingOptions
{
    /// <summary>The issuer's DID (did:ethr or did:web).</summary>
    public string? Did { get; set; }

    /// <summary>The keys in the order they were added: rotation appends a new active key and marks the old one inactive.</summary>
    public IList<IssuerKeyFileOptions> Keys { get; } = [];
}
