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

        // Entries after the first may be embedded context objects; only strings are listed in Contexts. One pass without
        // LINQ: this runs for every credential and presentation verified.
        var contexts = new List<string>(contextValue.ValueKind == JsonValueKind.Array ? contextValue.GetArrayLength() : 1);
        var entries = 0;
        var firstIsString = false;
        if (contextValue.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in contextValue.EnumerateArray())
            {
                if (!TryAddContext(entry, contexts))
                {
                    entries = -1;
                    break;
                }

                firstIsString |= entries++ == 0 && entry.ValueKind == JsonValueKind.String;
            }
        }
        else
        {
            entries = TryAddContext(contextValue, contexts) ? 1 : -1;
            firstIsString = contextValue.ValueKind == JsonValueKind.String;
        }

        if (entries <= 0)
        {
            error = CredentialJson.Malformed($"The {kind}'s @context is not a non-empty list of URLs and context objects.");
            return false;
        }

        DataModelVersion version;
        var first = firstIsString ? contexts[0] : null;
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

        if (!CredentialJson.TryGetStrings(typeValue, out var types) || types.Count == 0 || !AllNonEmpty(types))
        {
            error = CredentialJson.Malformed($"The {kind}'s type is not a non-empty string or list of strings.");
            return false;
        }

        if (!Contains(types, requiredType))
        {
            error = CredentialJson.Malformed($"The {kind}'s type does not include {requiredType}.");
            return false;
        }

        head = new DocumentHead(version, contexts, id, types);
        error = null;
        return true;
    }

    /// <summary>Lists a string entry; false for an entry that is neither a string nor an object.</summary>
    private static bool TryAddContext(JsonElement entry, List<string> contexts)
    {
        switch (entry.ValueKind)
        {
            case JsonValueKind.String:
                contexts.Add(entry.GetString()!);
                return true;
            case JsonValueKind.Object:
                return true;
            default:
                return false;
        }
    }

    private static bool AllNonEmpty(IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
