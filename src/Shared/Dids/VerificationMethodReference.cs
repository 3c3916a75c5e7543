using System.Text.Json;

namespace Identity.Shared.Dids;

/// <summary>An entry of a verification relationship: a reference (DID URL string) or an embedded method.</summary>
public sealed record VerificationMethodReference
{
    private VerificationMethodReference(string? reference, VerificationMethod? embedded)
    {
        Reference = reference;
        Embedded = embedded;
    }

    /// <summary>The referenced method id, as written (possibly relative), or null when embedded.</summary>
    public string? Reference { get; }

    /// <summary>The embedded method, or null for a reference.</summary>
    public VerificationMethod? Embedded { get; }

    /// <summary>The method id either way.</summary>
    public string Id => Reference ?? Embedded!.Id;

    /// <summary>A reference to a method by id.</summary>
    public static VerificationMethodReference To(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new VerificationMethodReference(id, null);
    }

    /// <summary>An embedded method.</summary>
    public static VerificationMethodReference Embed(VerificationMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new VerificationMethodReference(null, method);
    }

    /// <summary>Writes the string or the embedded object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Embedded is null)
        {
            writer.WriteStringValue(Reference);
        }
        else
        {
            Embedded.WriteTo(writer);
        }
    }
}
