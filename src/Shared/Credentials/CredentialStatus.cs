using System.Text.Json;

namespace Identity.Shared.Credentials;

/// <summary>
/// One <c>credentialStatus</c> entry, typed only as far as the data model goes (<see cref="Type"/>, optional
/// <see cref="Id"/>). Identity.Shared.StatusLists reads Bitstring Status List and StatusList2021 entries from <see cref="Json"/>.
/// </summary>
public sealed class CredentialStatus
{
    internal CredentialStatus(string? id, string type, JsonElement json)
    {
        Id = id;
        Type = type;
        Json = json;
    }

    /// <summary>The entry's own URL, if any (never the status list's).</summary>
    public string? Id { get; }

    /// <summary>The entry type, e.g. <c>BitstringStatusListEntry</c>.</summary>
    public string Type { get; }

    /// <summary>The entry object as written.</summary>
    public JsonElement Json { get; }
}
