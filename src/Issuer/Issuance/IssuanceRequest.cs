using System.Text.Json.Nodes;

namespace Identity.Issuer.Issuance;

/// <summary>One credential to mint, as a staff system asks for it (already shaped; contents not yet validated).</summary>
public sealed record IssuanceRequest
{
    /// <summary>The subject's DID (the patient's did:ethr).</summary>
    public required string Subject { get; init; }

    /// <summary>The credential type name.</summary>
    public required string Type { get; init; }

    /// <summary>The claims (the credential subject without its id).</summary>
    public required JsonObject Claims { get; init; }

    /// <summary>Identity-proofing evidence, if any.</summary>
    public JsonNode? Evidence { get; init; }

    /// <summary><c>vc1-jwt</c> or <c>vc2-jwt</c>.</summary>
    public string Format { get; init; } = IssuanceFormats.Vc1Jwt;

    /// <summary>The signature algorithm (<c>ES256K</c>, <c>EdDSA</c>), or null for the key ring's default.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The start of validity; null for now.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The end of validity; null for the configured default.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The holder proof (a VP-JWT by the subject over a nonce from <c>POST /nonce</c>).</summary>
    public string? HolderProof { get; init; }

    /// <summary>Issue without a holder proof: the staff member proofed the patient in person (needs the proofing role).</summary>
    public bool WaiveHolderProof { get; init; }
}
