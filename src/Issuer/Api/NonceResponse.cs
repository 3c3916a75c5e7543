namespace Identity.Issuer.Api;

/// <summary>A one-time nonce for a holder proof, and the audience the proof must name.</summary>
public sealed record NonceResponse(string Nonce, string Audience, DateTimeOffset ExpiresAt);
