using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Issuer.Issuance;

namespace Identity.Issuer.Api;

/// <summary>
/// Shapes a <c>POST /credentials</c> body into an <see cref="IssuanceRequest"/>: known members only, each of the
/// right JSON kind. Contents (DID syntax, claims) are judged later by the issuance service.
/// </summary>
internal static class IssuanceRequestReader
{
    private static readonly HashSet<string> Members =
        ["subject", "type", "claims", "evidence", "format", "algorithm", "validFrom", "validUntil", "holderProof", "waiveHolderProof"];

    public static (IssuanceRequest? Request, IssuerError? Error) Read(JsonObject body)
    {
        foreach (var (name, _) in body)
        {
            if (!Members.Contains(name))
            {
                return Fail($"Unknown member '{Truncate(name)}'.");
            }
        }

        if (!TryString(body, "subject", required: true, out var subject) || !TryString(body, "type", required: true, out var type))
        {
            return Fail("'subject' and 'type' are required strings.");
        }

        if (body["claims"] is not JsonObject claims)
        {
            return Fail("'claims' is a required JSON object.");
        }

        if (!TryString(body, "format", required: false, out var format) || !TryString(body, "algorithm", required: false, out var algorithm)
            || !TryString(body, "holderProof", required: false, out var proof))
        {
            return Fail("'format', 'algorithm' and 'holderProof' are strings when present.");
        }

        if (!TryDate(body, "validFrom", out var validFrom) || !TryDate(body, "validUntil", out var validUntil))
        {
            return (null, IssuerError.InvalidValidity("'validFrom' and 'validUntil' are RFC 3339 date-times with a time zone."));
        }

        var waive = false;
        if (body["waiveHolderProof"] is { } waiveNode)
        {
            if (waiveNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("'waiveHolderProof' is a boolean.");
            }

            waive = waiveNode.GetValue<bool>();
        }

        return (new IssuanceRequest
        {
            Subject = subject!,
            Type = type!,
            Claims = claims,
            Evidence = body["evidence"],
            Format = format ?? IssuanceFormats.Vc1Jwt,
            Algorithm = algorithm,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            HolderProof = proof,
            WaiveHolderProof = waive,
        }, null);
    }

    private static (IssuanceRequest?, IssuerError?) Fail(string detail) => (null, IssuerError.MalformedRequest(detail));

    private static bool TryString(JsonObject body, string name, bool required, out string? value)
    {
        value = null;
        if (body[name] is not { } node)
        {
            return !required;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        value = node.GetValue<string>();
        return value.Length is > 0 and <= 16 * 1024;
    }

    private static bool TryDate(JsonObject body, string name, out DateTimeOffset? value)
    {
        value = null;
        if (body[name] is not { } node)
        {
            return true;
        }

        // A zone is required: a local time would mean a different instant on every server.
        if (node.GetValueKind() != JsonValueKind.String
            || node.GetValue<string>() is not { Length: <= 64 } text
            || !(text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(parsed.ToUnixTimeSeconds());
        return true;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
