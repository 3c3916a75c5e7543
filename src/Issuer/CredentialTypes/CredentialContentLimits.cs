namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Explicit bounds on what the validators read, so that a hostile request costs little: checked before any schema or
/// FHIR work. The defaults fit the shipped types with a wide margin (a realistic subject is 1-3 KiB, depth 6).
/// </summary>
public sealed record CredentialContentLimits
{
    /// <summary>The defaults.</summary>
    public static CredentialContentLimits Default { get; } = new();

    /// <summary>The largest claims object, as compact UTF-8 JSON.</summary>
    public int MaxClaimsBytes { get; init; } = 32 * 1024;

    /// <summary>The largest evidence, as compact UTF-8 JSON.</summary>
    public int MaxEvidenceBytes { get; init; } = 8 * 1024;

    /// <summary>The deepest nesting of objects and arrays (the claims object itself is depth 1).</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>The most evidence entries.</summary>
    public int MaxEvidenceEntries { get; init; } = 8;
}
