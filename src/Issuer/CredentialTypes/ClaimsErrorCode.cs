using System.Diagnostics.CodeAnalysis;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// A stable snake_case reason why the claims or evidence of a credential request were refused. Each code has a fixed
/// one-sentence <see cref="Description"/> that never holds a value from the input (claims may be health data), so it
/// can be logged and returned to a client as it is. The set is closed; <c>default</c> behaves as
/// <see cref="SchemaViolation"/>, so an error that was never set still fails closed.
/// </summary>
public readonly struct ClaimsErrorCode : IEquatable<ClaimsErrorCode>
{
    private readonly string? value;
    private readonly string? description;

    private ClaimsErrorCode(string value, string description)
    {
        this.value = value;
        this.description = description;
    }

    /// <summary>The credential type is not in the catalog.</summary>
    public static ClaimsErrorCode UnknownType { get; } = new("unknown_type", "The credential type is not one this issuer mints.");

    /// <summary>The claims do not match the type's JSON Schema (unknown member, wrong JSON type, missing member...).</summary>
    public static ClaimsErrorCode SchemaViolation { get; } = new("schema_violation", "The claims do not match the credential type's JSON Schema.");

    /// <summary>The claims are not valid FHIR R4 content, or not the content the type allows (codes, units, systems).</summary>
    public static ClaimsErrorCode InvalidFhir { get; } = new("invalid_fhir", "The claims are not valid FHIR R4 content for the credential type.");

    /// <summary>The evidence is not a list of evidence objects each with a <c>type</c>, or an identity-proofing record is incomplete.</summary>
    public static ClaimsErrorCode InvalidEvidence { get; } = new("invalid_evidence", "The evidence is not a valid identity-proofing record.");

    /// <summary>The evidence carries biometric data (a template, an image, a large encoded blob) rather than the outcome of a match.</summary>
    public static ClaimsErrorCode BiometricDataNotAllowed { get; } = new("biometric_data_not_allowed", "The evidence holds biometric data; only the outcome of a biometric comparison may be recorded.");

    /// <summary>The claims or evidence are larger than the configured limit; they were not validated further.</summary>
    public static ClaimsErrorCode InputTooLarge { get; } = new("input_too_large", "The claims or evidence are larger than the configured limit.");

    /// <summary>The claims or evidence are nested deeper than the configured limit; they were not validated further.</summary>
    public static ClaimsErrorCode InputTooDeep { get; } = new("input_too_deep", "The claims or evidence are nested deeper than the configured limit.");

    /// <summary>Every code.</summary>
    public static IReadOnlyList<ClaimsErrorCode> All { get; } =
        [UnknownType, SchemaViolation, InvalidFhir, InvalidEvidence, BiometricDataNotAllowed, InputTooLarge, InputTooDeep];

    /// <summary>The snake_case code, e.g. <c>invalid_fhir</c>.</summary>
    public string Value => value ?? SchemaViolation.value!;

    /// <summary>A fixed one-sentence description, safe to show to anyone.</summary>
    public string Description => description ?? SchemaViolation.description!;

    /// <summary>Looks up a code by its snake_case value (ordinal, case-sensitive).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ClaimsErrorCode code)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.value, text, StringComparison.Ordinal))
            {
                code = candidate;
                return true;
            }
        }

        code = default;
        return false;
    }

    /// <summary>Throwing wrapper over <see cref="TryParse"/>.</summary>
    public static ClaimsErrorCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a known claims error code.");

    /// <inheritdoc />
    public bool Equals(ClaimsErrorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClaimsErrorCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The snake_case code.</summary>
    public override string ToString() => Value;

    /// <summary>Code equality.</summary>
    public static bool operator ==(ClaimsErrorCode left, ClaimsErrorCode right) => left.Equals(right);

    /// <summary>Code inequality.</summary>
    public static bool operator !=(ClaimsErrorCode left, ClaimsErrorCode right) => !left.Equals(right);
}
