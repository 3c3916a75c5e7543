using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Finds what looks like biometric data in evidence: the issuer records that a biometric comparison happened and its
/// outcome, never the face, fingerprint or template it compared (they could be replayed and cannot be revoked).
/// Heuristic by design, and conservative: a member named like a template or image, a data URI, a long run of base64,
/// or a long numeric vector (an embedding) is refused.
/// </summary>
internal static class BiometricDataScanner
{
    /// <summary>Base64 of a template or image runs to kilobytes; identifiers and DIDs stay far below this.</summary>
    internal const int MaxEncodedRun = 256;

    /// <summary>Face embeddings have 128-512 dimensions; nothing in proofing evidence is a list of this many numbers.</summary>
    internal const int MaxNumericArray = 32;

    // Compared against the member name lower-cased with '_' and '-' removed.
    private static readonly string[] SuspectNameParts =
    [
        "template", "fingerprint", "faceimage", "image", "photo", "portrait", "selfie", "iris", "minutiae",
        "voiceprint", "faceprint", "embedding", "facevector", "featurevector", "biometricdata", "rawbiometric", "palmprint",
    ];

    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    /// <summary>The pointer segments of the first suspect place, or null when there is none.</summary>
    public static string? FindFirst(JsonNode? node)
    {
        var path = new List<string>();
        return Scan(node, path) ? null : JsonBounds.ToPointer(path);
    }

    private static bool Scan(JsonNode? node, List<string> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    path.Add(name);
                    if (IsSuspectName(name) || !Scan(child, path))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return true;
            case JsonArray array:
                var numbers = 0;
                for (var i = 0; i < array.Count; i++)
                {
                    numbers += array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? 1 : 0;
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (!Scan(array[i], path))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return numbers <= MaxNumericArray;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                // A value built in code (a Guid, a char...) is a string in JSON without being a string in .NET.
                return !IsSuspectString(value.TryGetValue<string>(out var text) ? text : value.ToJsonString());
            default:
                return true;
        }
    }

    private static bool IsSuspectName(string name)
    {
        var normalized = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return SuspectNameParts.Any(part => normalized.Contains(part, StringComparison.Ordinal));
    }

    private static bool IsSuspectString(string text)
    {
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The longest run of base64 characters: a blob, even wrapped in other text, shows as one long run.
        var run = 0;
        foreach (var c in text)
        {
            run = Base64Alphabet.Contains(c) ? run + 1 : 0;
            if (run > MaxEncodedRun)
            {
                return true;
            }
        }

        return false;
    }
}
