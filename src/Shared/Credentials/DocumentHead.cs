using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>The members credentials and presentations share (<c>@context</c>, <c>id</c>, <c>type</c>), checked in that order.</summary>
internal sealed record DocumentHead(DataModelVersion Version, IReadOnlyList<string> Contexts, string? Id, IReadOnlyList<string> Types)
{
    public static bool TryRead(JsonElement root, string kind, string requiredType, [NotNullWhen(true)] out DocumentHead? head, [NotNullWhen(false)] out VerificationError? error)
    {
        head = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = CredentialJson.Malformed($"The {kind} is not a JSON object.");
            return false;
        }

        if (!root.TryGetProperty("@context", out var contextValue))
        {
            error = CredentialJson.Malformed($"The {kind} has no @context.");
            return false;
        }

        // Entries after the first may be embedded context objects; only strings are listed in Contexts.
        var entries = contextValue.ValueKind == JsonValueKind.Array ? contextValue.EnumerateArray().ToList() : [contextValue];
        if (entries.Count == 0 || entries.Any(static e => e.ValueKind is not (JsonValueKind.String or JsonValueKind.Object)))
        {
            error = CredentialJson.Malformed($"The {kind}'s @context is not a non-empty list of URLs and context objects.");
            return false;
        }

        DataModelVersion version;
        var first = entries[0].ValueKind == JsonValueKind.String ? entries[0].GetString() : null;
        switch (first)
        {
            case CredentialContexts.V1:
                version = DataModelVersion.V1_1;
                break;
            case CredentialContexts.V2:
                version = DataModelVersion.V2_0;
                break;
            default:
                error = CredentialJson.Malformed(
                    $"The {kind}'s first @context is neither {CredentialContexts.V1} (VCDM 1.1) nor {CredentialContexts.V2} (VCDM 2.0).");
                return false;
        }

        var contexts = entries.Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => e.GetString()!).ToList();
        if (contexts.Contains(version == DataModelVersion.V1_1 ? CredentialContexts.V2 : CredentialContexts.V1))
        {
            error = CredentialJson.Malformed($"The {kind}'s @context mixes the VCDM 1.1 and 2.0 base contexts.");
            return false;
        }

        string? id = null;
        if (root.TryGetProperty("id", out var idValue))
        {
            id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            if (!CredentialJson.IsAbsoluteUri(id))
            {
                error = CredentialJson.Malformed($"The {kind}'s id is not an absolute URL.");
                return false;
            }
        }

        if (!root.TryGetProperty("type", out var typeValue))
        {
            error = CredentialJson.Malformed($"The {kind} has no type.");
            return false;
        }

        if (!CredentialJson.TryGetStrings(typeValue, out var types) || types.Count == 0 || types.Any(string.IsNullOrEmpty))
        {
            error = CredentialJson.Malformed($"The {kind}'s type is not a non-empty string or list of strings.");
            return false;
        }

        if (!types.Contains(requiredType, StringComparer.Ordinal))
        {
            error = CredentialJson.Malformed($"The {kind}'s type does not include {requiredType}.");
            return false;
        }

        head = new DocumentHead(version, contexts, id, types);
        error = null;
        return true;
    }
}
