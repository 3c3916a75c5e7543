namespace Identity.Shared.Dids;

/// <summary>
/// DID resolution options (DID Resolution §4). <c>versionId</c> / <c>versionTime</c> are DID parameters: pass them
/// in the DID URL query (<c>did:ethr:0x…?versionId=42</c>).
/// </summary>
public sealed record DidResolutionOptions
{
    /// <summary>Default options (accept = application/did+ld+json).</summary>
    public static DidResolutionOptions Default { get; } = new();

    /// <summary>The media type of the requested representation; null means <see cref="DidContentTypes.DidLdJson"/>.</summary>
    public string? Accept { get; init; }
}
