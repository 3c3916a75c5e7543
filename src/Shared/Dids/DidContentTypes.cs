namespace Identity.Shared.Dids;

/// <summary>Media types of DID document representations (DID Core §6).</summary>
public static class DidContentTypes
{
    /// <summary>JSON-LD representation: the document carries <c>@context</c>. The default, as in ethr-did-resolver.</summary>
    public const string DidLdJson = "application/did+ld+json";

    /// <summary>Plain JSON representation: no <c>@context</c>.</summary>
    public const string DidJson = "application/did+json";

    /// <summary>
    /// The content type for an <c>accept</c> option: null → <see cref="DidLdJson"/>; <see cref="DidLdJson"/> or
    /// <see cref="DidJson"/> as given; anything else → false (<c>representationNotSupported</c>).
    /// </summary>
    public static bool TryNegotiate(string? accept, out string contentType)
    {
        switch (accept)
        {
            case null:
            case DidLdJson:
                contentType = DidLdJson;
                return true;
            case DidJson:
                contentType = DidJson;
                return true;
            default:
                contentType = string.Empty;
                return false;
        }
    }
}
