using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Verifier.Claims;

/// <summary>
/// A credential that the presentation handler verified, as carried in the principal (one
/// <see cref="VerifiablePresentationClaimTypes.Credential"/> claim each): issuer, subject, types, its validity window
/// (the tighter of the token's <c>nbf</c>/<c>exp</c> and the data model's dates) and its subject claims.
/// </summary>
public sealed record VerifiedCredential
{
    /// <summary>The issuer DID.</summary>
    public required string Issuer { get; init; }

    /// <summary>The subject DID (the holder, once bound).</summary>
    public string? Subject { get; init; }

    /// <summary>The credential's types, <c>VerifiableCredential</c> included.</summary>
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>Not valid before this instant; null: no lower bound.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Not valid from this instant on; null: no upper bound.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The subject claims (<c>credentialSubject</c>).</summary>
    public required JsonElement Claims { get; init; }

    /// <summary>Whether the credential has the type (ordinal).</summary>
    public bool HasType(string type) => Types.Contains(type, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="at"/> lies in the validity window.</summary>
    public bool IsValidAt(DateTimeOffset at) => (ValidFrom is null || at >= ValidFrom) && (ValidUntil is null || at < ValidUntil);

    /// <summary>
    /// The values at a claim path such as <c>birthDate</c>, <c>name[0].family</c> or <c>code.coding[*].code</c>
    /// (<c>[*]</c>: every element); none when the path is absent. Throws only when the path itself is not valid.
    /// </summary>
    public IReadOnlyList<JsonElement> Select(string path) => ClaimPath.Parse(path).Select(Claims);

    /// <summary>The JSON form kept in the claim.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("issuer", Issuer);
            if (Subject is not null)
            {
                writer.WriteString("subject", Subject);
            }

            writer.WriteStartArray("types");
            foreach (var type in Types)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            if (ValidFrom is { } from)
            {
                writer.WriteNumber("validFrom", from.ToUnixTimeSeconds());
            }

            if (ValidUntil is { } until)
            {
                writer.WriteNumber("validUntil", until.ToUnixTimeSeconds());
            }

            writer.WritePropertyName("claims");
            Claims.WriteTo(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the form written by <see cref="ToJson"/>; false on anything else.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out VerifiedCredential? credential)
    {
        credential = null;
        if (json is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("issuer", out var issuer) || issuer.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("types", out var types) || types.ValueKind != JsonValueKind.Array ||
                !root.TryGetProperty("claims", out var claims))
            {
                return false;
            }

            var typeList = new List<string>(types.GetArrayLength());
            foreach (var type in types.EnumerateArray())
            {
                if (type.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                typeList.Add(type.GetString()!);
            }

            credential = new VerifiedCredential
            {
                Issuer = issuer.GetString()!,
                Subject = root.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String ? subject.GetString() : null,
                Types = typeList,
                ValidFrom = Seconds(root, "validFrom"),
                ValidUntil = Seconds(root, "validUntil"),
                Claims = claims.Clone(),
            };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DateTimeOffset? Seconds(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt64(out var seconds) && seconds is > -62_135_596_800 and < 253_402_300_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
