using Identity.Shared.Crypto;

namespace Identity.Shared.Jose;

/// <summary>
/// The optional header members <see cref="JwsSigner"/> writes after <c>alg</c>, in this order: <c>typ</c>,
/// <c>cty</c>, <c>kid</c>, <c>jwk</c>. Fixed order keeps signatures reproducible across runs and peers.
/// </summary>
public sealed record JwsHeaderParameters
{
    /// <summary>No optional members: the header is <c>{"alg":…}</c>.</summary>
    public static JwsHeaderParameters None { get; } = new();

    /// <summary><c>typ</c> (e.g. <c>JWT</c>, <c>vc+jwt</c>).</summary>
    public string? Type { get; init; }

    /// <summary><c>cty</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary><c>kid</c> (e.g. a DID URL).</summary>
    public string? KeyId { get; init; }

    /// <summary><c>jwk</c>; only its public members are written.</summary>
    public Jwk? Key { get; init; }
}
