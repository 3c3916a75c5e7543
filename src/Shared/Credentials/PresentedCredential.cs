using System.Text.Json;

namespace Identity.Shared.Credentials;

/// <summary>
/// One entry of a presentation's <c>verifiableCredential</c>. For <see cref="PresentedCredentialKind.Jwt"/> and
/// <see cref="PresentedCredentialKind.Enveloped"/>, <see cref="Token"/> is the secured credential to decode and verify
/// on its own (a presentation's signature says nothing about the credentials inside it).
/// </summary>
public sealed class PresentedCredential
{
    internal PresentedCredential(PresentedCredentialKind kind, string? token, string? mediaType, JsonElement json, VerifiableCredential? credential = null)
    {
        Credential = credential;
        Kind = kind;
        Token = token;
        MediaType = mediaType;
        Json = json;
    }

    /// <summary>How the credential is carried.</summary>
    public PresentedCredentialKind Kind { get; }

    /// <summary>The compact JWS of the credential; null for <see cref="PresentedCredentialKind.Embedded"/>.</summary>
    public string? Token { get; }

    /// <summary>The data: URL's media type for an enveloped credential (e.g. <c>application/vc+jwt</c>), otherwise null.</summary>
    public string? MediaType { get; }

    /// <summary>The credential of an <see cref="PresentedCredentialKind.Embedded"/> entry (validated structurally only).</summary>
    public VerifiableCredential? Credential { get; }

    /// <summary>The entry as written (a string or an object).</summary>
    public JsonElement Json { get; }
}
