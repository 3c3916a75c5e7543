namespace Identity.Shared.Dids;

/// <summary>
/// <c>didResolutionMetadata.error</c> values (DID Core §7.1.2, DID Resolution "Errors", did:key spec). Written as
/// the plain camelCase strings that ethr-did-resolver and did-resolver use.
/// </summary>
public static class DidResolutionErrors
{
    /// <summary>The DID does not conform to the DID syntax or to the method's syntax.</summary>
    public const string InvalidDid = "invalidDid";

    /// <summary>The DID URL is malformed.</summary>
    public const string InvalidDidUrl = "invalidDidUrl";

    /// <summary>No DID document was found (including transport failures of a method that fetches one).</summary>
    public const string NotFound = "notFound";

    /// <summary>The requested <c>accept</c> media type is not supported.</summary>
    public const string RepresentationNotSupported = "representationNotSupported";

    /// <summary>No resolver for the DID method.</summary>
    public const string MethodNotSupported = "methodNotSupported";

    /// <summary>The resolution options are contradictory or malformed (e.g. versionId and versionTime together).</summary>
    public const string InvalidOptions = "invalidOptions";

    /// <summary>The document obtained is malformed or is not the document of the DID.</summary>
    public const string InvalidDidDocument = "invalidDidDocument";

    /// <summary>The resolver failed unexpectedly.</summary>
    public const string InternalError = "internalError";

    /// <summary>did:key: the key bytes are not a valid key of their codec.</summary>
    public const string InvalidPublicKey = "invalidPublicKey";

    /// <summary>did:key: the key has the wrong length for its codec.</summary>
    public const string InvalidPublicKeyLength = "invalidPublicKeyLength";

    /// <summary>did:key: the codec is not supported.</summary>
    public const string UnsupportedPublicKeyType = "unsupportedPublicKeyType";
}
