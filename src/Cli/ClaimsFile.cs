using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Cli;

/// <summary>The <c>--claims</c> file of <c>vc issue</c>: one JSON object, strict (UTF-8, no duplicate names, bounded).</summary>
internal static class ClaimsFile
{
    /// <summary>Claims are a credential's subject data, not a document store.</summary>
    public const int MaxBytes = 256 * 1024;

    private const int MaxDepth = 32;

    public static JsonObject Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw CliException.BadInput($"claims file {path}: not found");
            }

            if (info.Length > MaxBytes)
            {
                throw CliException.BadInput($"claims file {path}: larger than {MaxBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw CliException.Environment($"claims file {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw CliException.Environment($"claims file {path}: {e.Message}");
        }

        JsonNode? node;
        try
        {
            // Duplicate names are refused: which of two values a verifier would see is not up to the parser.
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw CliException.BadInput($"claims file {path}: not valid JSON ({e.Message})");
        }

        if (node is not JsonObject claims)
        {
            throw CliException.BadInput($"claims file {path}: expected a JSON object of claims about the subject");
        }

        if (claims.ContainsKey("id"))
        {
            throw CliException.BadInput($"claims file {path}: has an id member; the subject's id is --subject");
        }

        return claims;
    }
}
