using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>Depth and size checks run before any schema or FHIR work, and the pointers the validators report.</summary>
internal static class JsonBounds
{
    private static readonly JsonWriterOptions CompactWriter = new() { Indented = false, SkipValidation = true };

    /// <summary>
    /// Walks the tree and fails at the first container deeper than <paramref name="maxDepth"/>. The node tree handed
    /// to us may have been built in code with no depth limit, so the walk itself stops at the limit (its recursion is
    /// bounded by it).
    /// </summary>
    public static bool TryCheckDepth(JsonNode? node, int maxDepth, [NotNullWhen(false)] out string? pointer)
    {
        var path = new List<string>();
        if (Walk(node, 1, maxDepth, path))
        {
            pointer = null;
            return true;
        }

        pointer = ToPointer(path);
        return false;
    }

    /// <summary>
    /// Writes the node as compact UTF-8 JSON; false when it is longer than <paramref name="maxBytes"/> (then
    /// <paramref name="notJson"/> is false) or holds a value built in code that JSON cannot express, such as NaN
    /// (then it is true).
    /// </summary>
    public static bool TrySerialize(JsonNode node, int maxBytes, [NotNullWhen(true)] out byte[]? utf8, out bool notJson)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 4096));
        try
        {
            using var writer = new Utf8JsonWriter(buffer, CompactWriter);
            node.WriteTo(writer);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or JsonException)
        {
            utf8 = null;
            notJson = true;
            return false;
        }

        notJson = false;
        utf8 = buffer.WrittenCount <= maxBytes ? buffer.WrittenSpan.ToArray() : null;
        return utf8 is not null;
    }

    /// <summary>An RFC 6901 pointer from member names and indexes.</summary>
    public static string ToPointer(IEnumerable<string> segments)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }

    private static bool Walk(JsonNode? node, int depth, int maxDepth, List<string> path)
    {
        switch (node)
        {
            case JsonObject obj:
                if (depth > maxDepth)
                {
                    return false;
                }

                foreach (var (name, child) in obj)
                {
                    path.Add(name);
                    if (!Walk(child, depth + 1, maxDepth, path))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return true;
            case JsonArray array:
                if (depth > maxDepth)
                {
                    return false;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (!Walk(array[i], depth + 1, maxDepth, path))
                    {
                        return false;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return true;
            default:
                return true;
        }
    }
}
