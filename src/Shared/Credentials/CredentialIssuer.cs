using System.Text.Json;

namespace Identity.Shared.Credentials;

/// <summary>
/// The <c>issuer</c> of a credential (or the <c>holder</c> of a presentation): a URL, or an object with an
/// <c>id</c> URL and more members (name, description…), kept as written in <see cref="Json"/>.
/// </summary>
public sealed class CredentialIssuer
{
    internal CredentialIssuer(string id, JsonElement json)
    {
        Id = id;
        Json = json;
    }

    /// <summary>The issuer's URL, typically a DID.</summary>
    public string Id { get; }

    /// <summary><c>name</c> when the issuer is an object whose name is a plain string.</summary>
    public string? Name => CredentialJson.GetOptionalString(Json, "name");

    /// <summary>The value as written: a string, or an object.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Id;

    internal static bool TryCreate(JsonElement value, string member, out CredentialIssuer? issuer, out string? problem)
    {
        issuer = null;
        problem = null;
        string? id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => CredentialJson.GetOptionalString(value, "id"),
            _ => null,
        };
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            problem = $"{member} is neither a URL nor an object with an id.";
            return false;
        }

        if (!CredentialJson.IsAbsoluteUri(id))
        {
            problem = value.ValueKind == JsonValueKind.String ? $"{member} is not an absolute URL." : $"{member}.id is missing or not an absolute URL.";
            return false;
        }

        issuer = new CredentialIssuer(id!, value);
        return true;
    }
}
