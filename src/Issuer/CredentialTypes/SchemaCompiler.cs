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
}
