using System.Text.Json;

namespace Identity.Shared.Credentials;

/// <summary>One <c>credentialSubject</c>: the claims about one subject, identified by <see cref="Id"/> unless it is a bearer credential.</summary>
public sealed class CredentialSubject
{
    internal CredentialSubject(string? id, JsonElement json)
    {
        Id = id;
        Json = json;
    }

    /// <summary>The subject's URL (typically the holder's DID), or null for a bearer credential.</summary>
    public string? Id { get; }

    /// <summary>The subject object as written, <c>id</c> included.</summary>
    public JsonElement Json { get; }

    /// <summary>A claim of this subject, when present.</summary>
    public bool TryGetClaim(string name, out JsonElement value) => Json.TryGetProperty(name, out value);
}
