using System.Text.Encodings.Web;
using System.Text.Json;

namespace Identity.Shared.Verification;

/// <summary>
/// The verdict of DESIGN.md: <c>{ verified, errors: [{ code, message }], issuer, holder, subject, types, claims }</c>.
/// For a presentation, issuer/subject/types/claims are those of its first credential and <see cref="Credentials"/>
/// lists all of them. Nothing is reported about a token whose checks failed beyond what the failing step knew.
/// </summary>
public sealed record VerificationResult
{
    /// <summary>Whether every check passed.</summary>
    public bool Verified => Errors.Count == 0;

    /// <summary>The error that stopped the pipeline (the pipeline stops at the first).</summary>
    public IReadOnlyList<VerificationError> Errors { get; init; } = [];

    /// <summary>The presentation's holder DID.</summary>
    public string? Holder { get; init; }

    /// <summary>The verified credentials.</summary>
    public IReadOnlyList<CredentialSummary> Credentials { get; init; } = [];

    /// <summary>A failed verification.</summary>
    public static VerificationResult Failed(VerificationError error) => new() { Errors = [error] };

    /// <summary>The result as DESIGN.md's JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var first = Credentials.Count > 0 ? Credentials[0] : null;
        writer.WriteStartObject();
        writer.WriteBoolean("verified", Verified);
        writer.WriteStartArray("errors");
        foreach (var error in Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code.Value);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteOptional(writer, "issuer", first?.Issuer);
        WriteOptional(writer, "holder", Holder);
        WriteOptional(writer, "subject", first?.Subject);
        if (first is not null)
        {
            writer.WriteStartArray("types");
            foreach (var type in first.Types)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("claims");
            first.Claims.WriteTo(writer);
        }

        if (Credentials.Count > 1)
        {
            writer.WriteStartArray("credentials");
            foreach (var credential in Credentials)
            {
                writer.WriteStartObject();
                writer.WriteString("issuer", credential.Issuer);
                WriteOptional(writer, "subject", credential.Subject);
                writer.WriteStartArray("types");
                foreach (var type in credential.Types)
                {
                    writer.WriteStringValue(type);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("claims");
                credential.Claims.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>JSON text of <see cref="WriteTo"/>.</summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
