using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Reads the types added by configuration: <c>Issuer:CredentialTypes:N:Name</c>, <c>…:SchemaFile</c> (a JSON Schema
/// 2020-12 file; relative paths are taken from the content root), <c>…:FhirResourceType</c> (optional),
/// <c>…:SchemaPath</c> (optional; default <c>/schemas/&lt;Name&gt;.json</c>), <c>…:Contexts:N</c> (optional).
/// Every fault names the configuration key and the file, so that start-up fails with the fix in the message.
/// </summary>
internal static class CredentialTypeConfiguration
{
    public const string SectionPath = "Issuer:CredentialTypes";

    /// <summary>A schema file larger than this is refused (a schema is a few KiB; this is a sanity bound).</summary>
    public const long MaxSchemaFileBytes = 1024 * 1024;

    public static bool TryLoad(
        IConfiguration configuration,
        [NotNullWhen(true)] out IReadOnlyList<CredentialTypeDefinition>? definitions,
        [NotNullWhen(false)] out string? error)
    {
        var contentRoot = configuration["contentRoot"] is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();
        var loaded = new List<CredentialTypeDefinition>();
        definitions = null;
        foreach (var entry in configuration.GetSection(SectionPath).GetChildren())
        {
            if (!TryLoadOne(entry, contentRoot, out var definition, out error))
            {
                return false;
            }

            loaded.Add(definition);
        }

        definitions = loaded;
        error = null;
        return true;
    }

    private static bool TryLoadOne(
        IConfigurationSection entry,
        string contentRoot,
        [NotNullWhen(true)] out CredentialTypeDefinition? definition,
        [NotNullWhen(false)] out string? error)
    {
        definition = null;
        var name = entry["Name"];
        var schemaFile = entry["SchemaFile"];
        if (string.IsNullOrWhiteSpace(name))
        {
            error = $"{entry.Path}:Name is missing: give the credential type's name.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(schemaFile))
        {
            error = $"{entry.Path}:SchemaFile is missing: give the path of the JSON Schema of '{name}'.";
            return false;
        }

        var path = Path.GetFullPath(schemaFile, contentRoot);
        JsonNode? parsed;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                error = $"{entry.Path}:SchemaFile '{path}' does not exist.";
                return false;
            }

            if (file.Length > MaxSchemaFileBytes)
            {
                error = $"{entry.Path}:SchemaFile '{path}' is larger than {MaxSchemaFileBytes} bytes.";
                return false;
            }

            parsed = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{entry.Path}:SchemaFile '{path}' could not be read: {ex.Message}";
            return false;
        }
        catch (JsonException ex)
        {
            error = $"{entry.Path}:SchemaFile '{path}' is not valid JSON: {ex.Message}";
            return false;
        }

        if (parsed is not JsonObject schema)
        {
            error = $"{entry.Path}:SchemaFile '{path}' is not a JSON Schema object.";
            return false;
        }

        if (!SchemaCompiler.TryCompile(schema, out _, out var schemaError))
        {
            error = $"{entry.Path}:SchemaFile '{path}' is unusable: {schemaError}";
            return false;
        }

        definition = new CredentialTypeDefinition
        {
            Name = name,
            Schema = schema,
            SchemaPath = entry["SchemaPath"] is { Length: > 0 } schemaPath ? schemaPath : ShippedCredentialTypes.SchemaPathFor(name),
            FhirResourceType = entry["FhirResourceType"] is { Length: > 0 } resourceType ? resourceType : null,
            Contexts = [.. entry.GetSection("Contexts").GetChildren().Select(c => c.Value).OfType<string>()],
        };
        error = null;
        return true;
    }
}
