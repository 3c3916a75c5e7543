using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Identity.Issuer.CredentialTypes;

/// <summary>Compiles a credential type's JSON Schema once, refusing schemas that cannot describe a credential subject.</summary>
internal static class SchemaCompiler
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Builds the schema; on failure the error names what is wrong (never a claim: schemas hold none).</summary>
    public static bool TryCompile(JsonObject schema, [NotNullWhen(true)] out JsonSchema? compiled, [NotNullWhen(false)] out string? error)
    {
        compiled = null;
        if (schema.TryGetPropertyValue("$schema", out var dialect)
            && !(dialect is JsonValue value && value.TryGetValue<string>(out var uri) && string.Equals(uri, Draft202012, StringComparison.Ordinal)))
        {
            error = $"'$schema' must be absent or '{Draft202012}' (JSON Schema 2020-12).";
            return false;
        }

        if (!(schema.TryGetPropertyValue("type", out var type) && type is JsonValue typeValue
            && typeValue.TryGetValue<string>(out var typeName) && string.Equals(typeName, "object", StringComparison.Ordinal)))
        {
            error = "the root must have \"type\": \"object\" (a credential subject is a JSON object).";
            return false;
        }

        if (FindUnresolvableReference(schema, schema) is { } reference)
        {
            error = $"the reference '{reference}' does not resolve inside the schema (only local '#/...' references and '#anchor's are allowed; nothing is fetched, and JSON Schema.Net would only notice at evaluation).";
            return false;
        }

        try
        {
            // A registry per schema: schemas with the same $id never collide, and nothing is fetched from the network.
            compiled = JsonSchema.Build(
                JsonSerializer.SerializeToElement(schema),
                new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            error = "it is not a valid JSON Schema 2020-12: " + ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The first <c>$ref</c>/<c>$dynamicRef</c> that is not a local pointer or anchor resolving in this document. Nested
    /// <c>$id</c>s would change what a local reference means, so they are refused too (reported as the <c>$id</c>).
    /// </summary>
    private static string? FindUnresolvableReference(JsonNode? node, JsonObject root)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name is "$id" && !ReferenceEquals(obj, root))
                    {
                        return "$id " + child?.ToJsonString();
                    }

                    if (name is "$ref" or "$dynamicRef" && !(child is JsonValue value && value.TryGetValue<string>(out var target) && Resolves(target, root)))
                    {
                        return child?.ToJsonString() ?? "null";
                    }

                    if (FindUnresolvableReference(child, root) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (FindUnresolvableReference(item, root) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Resolves(string reference, JsonObject root)
    {
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        if (reference.Length == 1)
        {
            return true;
        }

        if (reference[1] != '/')
        {
            return HasAnchor(root, reference[1..]);
        }

        JsonNode? node = root;
        foreach (var raw in Uri.UnescapeDataString(reference[2..]).Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        return node is JsonObject || (node is JsonValue v && v.TryGetValue<bool>(out _));
    }

    private static bool HasAnchor(JsonNode? node, string anchor) => node switch
    {
        JsonObject obj => obj.Any(p => (p.Key is "$anchor" or "$dynamicAnchor" && p.Value is JsonValue v && v.TryGetValue<string>(out var a) && a == anchor) || HasAnchor(p.Value, anchor)),
        JsonArray array => array.Any(item => HasAnchor(item, anchor)),
        _ => false,
    };
}
