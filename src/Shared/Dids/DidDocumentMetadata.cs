using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>
/// <c>didDocumentMetadata</c> (DID Core §7.1.3). Times are written as UTC without sub-seconds
/// (<c>2021-03-22T18:14:29Z</c>), as ethr-did-resolver writes block times.
/// </summary>
public sealed record DidDocumentMetadata
{
    /// <summary>Empty metadata.</summary>
    public static DidDocumentMetadata Empty { get; } = new();

    /// <summary>When the DID was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the returned version was last updated (did:ethr: the block time of <see cref="VersionId"/>).</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>True when the DID is deactivated; written only when set.</summary>
    public bool? Deactivated { get; init; }

    /// <summary>The version of the returned document (did:ethr: the decimal block number).</summary>
    public string? VersionId { get; init; }

    /// <summary>When the next version takes effect (historical queries).</summary>
    public DateTimeOffset? NextUpdate { get; init; }

    /// <summary>The next version (historical queries).</summary>
    public string? NextVersionId { get; init; }

    /// <summary>Equivalent DIDs.</summary>
    public IReadOnlyList<string>? EquivalentId { get; init; }

    /// <summary>The canonical DID.</summary>
    public string? CanonicalId { get; init; }

    /// <summary>Other members, in order.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Writes the members that are set, in DID Core order, then other members.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteTime(writer, "created", Created);
        WriteTime(writer, "updated", Updated);
        if (Deactivated is { } deactivated)
        {
            writer.WriteBoolean("deactivated", deactivated);
        }

        if (VersionId is not null)
        {
            writer.WriteString("versionId", VersionId);
        }

        WriteTime(writer, "nextUpdate", NextUpdate);
        if (NextVersionId is not null)
        {
            writer.WriteString("nextVersionId", NextVersionId);
        }

        if (EquivalentId is not null)
        {
            DidJson.WriteStrings(writer, "equivalentId", EquivalentId);
        }

        if (CanonicalId is not null)
        {
            writer.WriteString("canonicalId", CanonicalId);
        }

        DidJson.WriteAdditional(writer, AdditionalProperties);
        writer.WriteEndObject();
    }

    /// <summary>Reads the metadata object.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out DidDocumentMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        metadata = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "didDocumentMetadata must be an object.";
            return false;
        }

        DateTimeOffset? created = null, updated = null, nextUpdate = null;
        bool? deactivated = null;
        string? versionId = null, nextVersionId = null, canonicalId = null;
        IReadOnlyList<string>? equivalentId = null;
        OrderedDictionary<string, JsonElement>? additional = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            DateTimeOffset time;
            error = null;
            switch (property.Name)
            {
                case "created":
                    if (!DidJson.TryParseTime(value, "created", out time, out error))
                    {
                        return false;
                    }

                    created = time;
                    break;
                case "updated":
                    if (!DidJson.TryParseTime(value, "updated", out time, out error))
                    {
                        return false;
                    }

                    updated = time;
                    break;
                case "nextUpdate":
                    if (!DidJson.TryParseTime(value, "nextUpdate", out time, out error))
                    {
                        return false;
                    }

                    nextUpdate = time;
                    break;
                case "deactivated":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        error = "'deactivated' must be a boolean.";
                        return false;
                    }

                    deactivated = value.GetBoolean();
                    break;
                case "versionId":
                    if (!DidJson.TryGetString(value, "versionId", out versionId, out error))
                    {
                        return false;
                    }

                    break;
                case "nextVersionId":
                    if (!DidJson.TryGetString(value, "nextVersionId", out nextVersionId, out error))
                    {
                        return false;
                    }

                    break;
                case "canonicalId":
                    if (!DidJson.TryGetString(value, "canonicalId", out canonicalId, out error))
                    {
                        return false;
                    }

                    break;
                case "equivalentId":
                    if (!DidJson.TryGetStrings(value, "equivalentId", out equivalentId, out error))
                    {
                        return false;
                    }

                    break;
                default:
                    additional ??= [];
                    additional[property.Name] = value.Clone();
                    break;
            }
        }

        metadata = new DidDocumentMetadata
        {
            Created = created,
            Updated = updated,
            Deactivated = deactivated,
            VersionId = versionId,
            NextUpdate = nextUpdate,
            NextVersionId = nextVersionId,
            EquivalentId = equivalentId,
            CanonicalId = canonicalId,
            AdditionalProperties = additional,
        };
        error = null;
        return true;
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, DidJson.FormatTime(value));
        }
    }
}
