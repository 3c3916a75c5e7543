using System.Text.Json;

namespace Identity.Verifier.Claims;

/// <summary>
/// A rule that copies a value of a verified credential's subject into a claim of the principal: from credentials of
/// <see cref="CredentialType"/>, the first value at <see cref="Path"/>, formatted by <see cref="Format"/>, becomes a
/// <see cref="ClaimType"/> claim.
/// </summary>
/// <param name="CredentialType">The credential type the rule reads (e.g. <c>PatientIdentityCredential</c>).</param>
/// <param name="Path">The claim path in the subject (e.g. <c>birthDate</c>, <c>name[0].family</c>).</param>
/// <param name="ClaimType">The claim type written (e.g. <c>ClaimTypes.DateOfBirth</c>).</param>
public sealed record CredentialClaimMapping(string CredentialType, string Path, string ClaimType)
{
    /// <summary>Turns the value into the claim's text; null skips it. Default: strings, numbers and booleans as they are.</summary>
    public Func<JsonElement, string?> Format { get; init; } = FormatScalar;

    /// <summary>The default formatting: JSON scalars as text, nothing for objects, arrays and null.</summary>
    public static string? FormatScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A FHIR HumanName as one line: its <c>text</c>, else the given names and the family name.</summary>
    public static string? FormatFhirHumanName(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (value.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString()))
        {
            return text.GetString();
        }

        var parts = new List<string>();
        if (value.TryGetProperty("given", out var given) && given.ValueKind == JsonValueKind.Array)
        {
            parts.AddRange(given.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!));
        }

        if (value.TryGetProperty("family", out var family) && family.ValueKind == JsonValueKind.String)
        {
            parts.Add(family.GetString()!);
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
