namespace Identity.Verifier;

/// <summary>A challenge for a presentation: the nonce to sign, the audience to address, and when the nonce expires.</summary>
/// <param name="Nonce">The one-time nonce (the presentation's <c>nonce</c>).</param>
/// <param name="Audience">This verifier's audience (the presentation's <c>aud</c>).</param>
/// <param name="ExpiresAt">The nonce is refused from this instant on.</param>
public sealed record PresentationChallenge(string Nonce, string Audience, DateTimeOffset ExpiresAt);
