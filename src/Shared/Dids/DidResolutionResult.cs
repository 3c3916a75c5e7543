using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>
/// The result of DID resolution (DID Core §7.1): metadata, the document (null on error) and document metadata.
/// Immutable. Serialised as <c>{ "didResolutionMetadata", "didDocument", "didDocumentMetadata" }</c>.
/// </summary>
public sealed record DidResolutionResult
{
    /// <summary>Resolution metadata (content type, or error and message).</summary>
    public required DidResolutionMetadata DidResolutionMetadata { get; init; }

    /// <summary>The document; null when resolution failed.</summary>
    public DidDocument? DidDocument { get; init; }

    /// <summary>Document metadata (versions, deactivation).</summary>
    public DidDocumentMetadata DidDocumentMetadata { get; init; } = DidDocumentMetadata.Empty;

    /// <summary>True when there is no error and a document.</summary>
    [MemberNotNullWhen(true, nameof(DidDocument))]
    public bool IsSuccess => DidResolutionMetadata.Error is null && DidDocument is not null;

    /// <summary>A failed result with an error code and message.</summary>
    public static DidResolutionResult Failure(string error, string message) => new()
    {
        DidResolutionMetadata = new DidResolutionMetadata { Error = error, Message = message },
    };

    /// <summary>A successful result.</summary>
    public static DidResolutionResult Success(DidDocument document, string contentType, DidDocumentMetadata? metadata = null) => new()
    {
        DidResolutionMetadata = new DidResolutionMetadata { ContentType = contentType },
        DidDocument = document,
        DidDocumentMetadata = metadata ?? DidDocumentMetadata.Empty,
    };

    /// <summary>Writes the result object; <c>didDocument</c> is written as null on failure.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("didResolutionMetadata");
        DidResolutionMetadata.WriteTo(writer);
        writer.WritePropertyName("didDocument");
        if (DidDocument is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            DidDocument.WriteTo(writer);
        }

        writer.WritePropertyName("didDocumentMetadata");
        DidDocumentMetadata.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>JSON text of the result.</summary>
    public string ToJson(bool indented = false) => DidJson.ToJson(WriteTo, indented);

    /// <summary>Reads a result written by <see cref="WriteTo"/> (or by another resolver).</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out DidResolutionResult? result, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        result = null;
        if (!DidJson.TryParseDocument(json, out var parsed, out error))
        {
            return false;
        }

        using (parsed)
        {
            return TryParse(parsed!.RootElement, out result, out error);
        }
    }

    /// <summary>Reads a result object.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out DidResolutionResult? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A DID resolution result must be an object.";
            return false;
        }

        DidResolutionMetadata? resolutionMetadata = null;
        DidDocument? document = null;
        var documentMetadata = DidDocumentMetadata.Empty;
        if (element.TryGetProperty("didResolutionMetadata", out var rm) && !DidResolutionMetadata.TryParse(rm, out resolutionMetadata, out error))
        {
            return false;
        }

        if (element.TryGetProperty("didDocument", out var doc) && doc.ValueKind != JsonValueKind.Null &&
            !DidDocument.TryParse(doc, out document, out error))
        {
            return false;
        }

        if (element.TryGetProperty("didDocumentMetadata", out var dm) && !DidDocumentMetadata.TryParse(dm, out documentMetadata!, out error))
        {
            return false;
        }

        result = new DidResolutionResult
        {
            DidResolutionMetadata = resolutionMetadata ?? new DidResolutionMetadata(),
            DidDocument = document,
            DidDocumentMetadata = documentMetadata,
        };
        error = null;
        return true;
    }
}
