using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>Small pieces of the VCDM 1.1 JWT mapping shared by credentials and presentations.</summary>
internal static class JwtClaimMapping
{
    /// <summary>
    /// What JavaScript's <c>[...new Set([...asArray(a), ...asArray(b)])]</c> gives: strings deduplicated by value,
    /// objects kept (a JS Set compares them by reference), nulls dropped.
    /// </summary>
    public static JsonArray Union(params JsonNode?[] values)
    {
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            // Not a collection expression: typed as the conditional's JsonArray, it would try to re-parent the node.
            IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
            foreach (var item in items)
            {
                if (item is null)
                {
                    continue;
                }

                if (item is JsonValue v && v.TryGetValue<string>(out var s) && !seen.Add(s))
                {
                    continue;
                }

                result.Add(item.DeepClone());
            }
        }

        return result;
    }

    /// <summary>
    /// Moves the members of the <c>vc</c>/<c>vp</c> claim that have no mapping to the top level. VCDM 1.1 §6.3.1 builds
    /// the decoded document from the claim's contents; did-jwt-vc would leave them under a <c>vc</c> member instead.
    /// </summary>
    public static bool TryLiftLeftovers(JsonDraft payload, JsonElement claim, IReadOnlySet<string> mapped, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        foreach (var member in claim.EnumerateObject())
        {
            if (mapped.Contains(member.Name))
            {
                continue;
            }

            if (!payload.TryGet(member.Name, out var existing))
            {
                payload.Set(member.Name, member.Value);
            }
            else if (!existing.EqualsElement(member.Value))
            {
                error = CredentialJson.Malformed("A member appears both inside the vc/vp claim and beside it, with different values.");
                return false;
            }
        }

        return true;
    }

    public static bool TryGetOptionalString(JsonDraft payload, string name, out string? value, [NotNullWhen(false)] out VerificationError? error)
    {
        value = null;
        error = null;
        if (!payload.TryGetNonNull(name, out var claim))
        {
            return true;
        }

        if (claim.Element is not { ValueKind: JsonValueKind.String } text)
        {
            error = CredentialJson.Malformed($"The JWT claim {name} is not a string.");
            return false;
        }

        value = text.GetString();
        return true;
    }

    /// <summary><c>aud</c> as a list: a string or an array of strings (RFC 7519 §4.1.3).</summary>
    public static bool TryGetAudience(JsonElement payload, out IReadOnlyList<string> audience, [NotNullWhen(false)] out VerificationError? error)
    {
        audience = [];
        error = null;
        if (!payload.TryGetProperty("aud", out var value))
        {
            return true;
        }

        if (!CredentialJson.TryGetStrings(value, out var list) || list.Any(string.IsNullOrEmpty))
        {
            error = CredentialJson.Malformed("The JWT claim aud is not a string or a list of strings.");
            return false;
        }

        audience = list;
        return true;
    }

    public static bool TryGetNonce(JsonElement payload, out string? nonce, [NotNullWhen(false)] out VerificationError? error)
    {
        nonce = null;
        error = null;
        if (!payload.TryGetProperty("nonce", out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = CredentialJson.Malformed("The JWT claim nonce is not a string.");
            return false;
        }

        nonce = value.GetString();
        return true;
    }

    /// <summary>Seconds since the epoch, floored, as did-jwt-vc computes <c>Math.floor(Date.parse(x) / 1000)</c>.</summary>
    public static long ToUnixSeconds(DateTimeOffset value) => (long)Math.Floor(value.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>Adds a claim, refusing to silently replace a different value already there.</summary>
    public static void SetClaim(JsonObject payload, string name, JsonNode? value)
    {
        if (payload.TryGetPropertyValue(name, out var existing) && !JsonNode.DeepEquals(existing, value))
        {
            throw new ArgumentException($"The document already has a member {name} with another value than the JWT claim to write.", nameof(payload));
        }

        payload[name] = value?.DeepClone();
    }
}
