using System.Diagnostics.CodeAnalysis;

namespace Identity.Issuer.CredentialTypes;

/// <summary>The outcome of validating a credential request's claims or evidence: valid, or the first failure.</summary>
public sealed class ClaimsValidationResult
{
    private ClaimsValidationResult(ClaimsValidationError? error) => Error = error;

    /// <summary>The valid outcome.</summary>
    public static ClaimsValidationResult Valid { get; } = new(null);

    /// <summary>True when nothing was refused.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    /// <summary>The first failure; null when valid.</summary>
    public ClaimsValidationError? Error { get; }

    /// <summary>A refusal.</summary>
    public static ClaimsValidationResult Fail(ClaimsErrorCode code, string message, string location = "") =>
        new(new ClaimsValidationError(code, message, location));

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"{Error.Code} at '{Error.Location}': {Error.Message}";
}
