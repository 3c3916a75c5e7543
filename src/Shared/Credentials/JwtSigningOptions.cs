namespace Identity.Shared.Credentials;

/// <summary>Options for securing a credential or presentation as a JWT.</summary>
public sealed record JwtSigningOptions
{
    /// <summary>No key id, no audience, no nonce, no token lifetime.</summary>
    public static JwtSigningOptions None { get; } = new();

    /// <summary>
    /// The header's <c>kid</c>: the DID URL of the verification method (e.g. <c>did:ethr:0x…#controller</c>).
    /// VC-JOSE-COSE requires it when the key is identified by a DID URL.
    /// </summary>
    public string? KeyId { get; init; }

    /// <summary>Presentations: the intended verifier(s), written as <c>aud</c>.</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary>Presentations: the verifier's challenge, written as <c>nonce</c>.</summary>
    public string? Nonce { get; init; }

    /// <summary><c>iat</c>, when set (did-jwt-vc writes none for credentials).</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>
    /// The token's <c>exp</c>, when set. For a 1.1 credential this is <c>expirationDate</c> and must agree with it; for
    /// VC-JOSE-COSE it bounds the signature, not the data (<c>validUntil</c> does that).
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
