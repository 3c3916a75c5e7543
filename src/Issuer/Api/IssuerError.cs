using Identity.Issuer.CredentialTypes;

namespace Identity.Issuer.Api;

/// <summary>
/// A failure the API answers with an RFC 9457 problem: an HTTP status, a stable snake_case <see cref="Code"/>
/// (the problem's <c>code</c> extension, listed in docs/issuer.md) and a detail that never quotes a claim.
/// </summary>
public sealed record IssuerError(int Status, string Code, string Detail)
{
    /// <summary>The body is not JSON, or a member has the wrong shape.</summary>
    public static IssuerError MalformedRequest(string detail) => new(StatusCodes.Status400BadRequest, "malformed_request", detail);

    /// <summary>The body is larger than <c>Issuer:MaxRequestBodyBytes</c>.</summary>
    public static IssuerError RequestTooLarge(int limit) => new(StatusCodes.Status400BadRequest, "request_too_large", $"The request body is larger than {limit} bytes.");

    /// <summary>The body is not <c>application/json</c>.</summary>
    public static IssuerError UnsupportedMediaType { get; } = new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "The request body must be application/json.");

    /// <summary>The subject is not a DID.</summary>
    public static IssuerError InvalidSubject { get; } = new(StatusCodes.Status400BadRequest, "invalid_subject_did", "The subject is not a well-formed DID.");

    /// <summary>The format is neither vc1-jwt nor vc2-jwt.</summary>
    public static IssuerError UnsupportedFormat { get; } = new(StatusCodes.Status400BadRequest, "unsupported_format", "The format must be vc1-jwt or vc2-jwt.");

    /// <summary>No active key of the requested algorithm.</summary>
    public static IssuerError UnsupportedAlgorithm { get; } = new(StatusCodes.Status400BadRequest, "unsupported_algorithm", "The issuer has no active key of the requested algorithm.");

    /// <summary>validFrom/validUntil are not dates or not in order.</summary>
    public static IssuerError InvalidValidity(string detail) => new(StatusCodes.Status400BadRequest, "invalid_validity", detail);

    /// <summary>Claims or evidence refused by the credential type (codes of <see cref="ClaimsErrorCode"/>).</summary>
    public static IssuerError Claims(ClaimsValidationError error) =>
        new(StatusCodes.Status400BadRequest, error.Code.Value, error.Location.Length == 0 ? error.Message : $"{error.Message} (at {error.Location})");

    /// <summary>No holder proof, and no waiver.</summary>
    public static IssuerError HolderProofRequired { get; } = new(StatusCodes.Status400BadRequest, "holder_proof_required", "A holder proof (a VP-JWT signed by the subject over a nonce from POST /nonce) is required.");

    /// <summary>The holder proof is not a presentation token.</summary>
    public static IssuerError HolderProofMalformed { get; } = new(StatusCodes.Status400BadRequest, "holder_proof_malformed", "The holder proof is not a well-formed VP-JWT with a nonce and no credentials.");

    /// <summary>The holder proof is not signed by an authentication key of its holder.</summary>
    public static IssuerError HolderProofSignature { get; } = new(StatusCodes.Status400BadRequest, "holder_proof_invalid_signature", "The holder proof is not signed by an authentication key of the subject's DID.");

    /// <summary>The holder proof was made by another DID than the subject.</summary>
    public static IssuerError HolderProofSubjectMismatch { get; } = new(StatusCodes.Status400BadRequest, "holder_proof_subject_mismatch", "The holder proof's holder is not the credential subject.");

    /// <summary>The holder proof failed another check of the verification engine.</summary>
    public static IssuerError HolderProofInvalid(string verificationCode) =>
        new(StatusCodes.Status400BadRequest, "holder_proof_invalid", $"The holder proof did not verify ({verificationCode}).");

    /// <summary>The nonce is unknown, used already or expired.</summary>
    public static IssuerError NonceInvalid { get; } = new(StatusCodes.Status400BadRequest, "nonce_invalid", "The holder proof's nonce is unknown, already used or expired: get a new one from POST /nonce.");

    /// <summary>A waiver asked for by a principal without the proofing role.</summary>
    public static IssuerError WaiverNotAllowed { get; } = new(StatusCodes.Status403Forbidden, "waiver_not_allowed", "Waiving the holder proof needs the issuer.proofing role.");

    /// <summary>Too many credentials in one batch.</summary>
    public static IssuerError BatchTooLarge(int limit) => new(StatusCodes.Status400BadRequest, "batch_too_large", $"A batch holds 1 to {limit} requests.");

    /// <summary>No credential with that id.</summary>
    public static IssuerError CredentialNotFound { get; } = new(StatusCodes.Status404NotFound, "credential_not_found", "No credential has that id.");

    /// <summary>No status list with that id.</summary>
    public static IssuerError StatusListNotFound { get; } = new(StatusCodes.Status404NotFound, "status_list_not_found", "No status list has that id.");

    /// <summary>The status action is not revoke, suspend or reinstate.</summary>
    public static IssuerError InvalidStatusAction { get; } = new(StatusCodes.Status400BadRequest, "invalid_status_action", "The action must be revoke, suspend or reinstate.");

    /// <summary>The reason is not a short snake_case code.</summary>
    public static IssuerError InvalidReason { get; } = new(StatusCodes.Status400BadRequest, "invalid_reason", "The reason must be a snake_case code of at most 64 characters (free text could carry health data).");

    /// <summary>A revoked credential cannot change status.</summary>
    public static IssuerError StatusChangeNotAllowed { get; } = new(StatusCodes.Status409Conflict, "status_change_not_allowed", "A revoked credential stays revoked.");

    /// <summary>No or bad staff credentials.</summary>
    public static IssuerError Unauthenticated { get; } = new(StatusCodes.Status401Unauthorized, "unauthenticated", "Staff credentials (X-Api-Key or a bearer token) are missing or not valid.");

    /// <summary>The principal lacks the role.</summary>
    public static IssuerError Forbidden { get; } = new(StatusCodes.Status403Forbidden, "forbidden", "The staff principal does not have the role this operation needs.");

    /// <summary>Too many requests from one principal.</summary>
    public static IssuerError RateLimited { get; } = new(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; retry later.");

    /// <summary>A fault of the service (never bad input).</summary>
    public static IssuerError Internal { get; } = new(StatusCodes.Status500InternalServerError, "internal_error", "The service failed; the request may be retried.");

    /// <summary>A bare status set by routing (no route, wrong method, wrong content type) as a problem.</summary>
    public static IssuerError ForStatus(int status) => status switch
    {
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status405MethodNotAllowed => new(status, "method_not_allowed", "The resource does not support this method."),
        StatusCodes.Status404NotFound => new(status, "not_found", "No such resource."),
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        >= 500 => Internal,
        _ => new(status, "bad_request", "The request cannot be served."),
    };

    /// <summary>Every code the API answers with, for the documentation test.</summary>
    public static IReadOnlyList<string> AllCodes { get; } =
    [
        "malformed_request", "request_too_large", "unsupported_media_type", "invalid_subject_did", "unsupported_format",
        "unsupported_algorithm", "invalid_validity", .. ClaimsErrorCode.All.Select(c => c.Value), "holder_proof_required",
        "holder_proof_malformed", "holder_proof_invalid_signature", "holder_proof_subject_mismatch", "holder_proof_invalid",
        "nonce_invalid", "waiver_not_allowed", "batch_too_large", "credential_not_found", "status_list_not_found",
        "invalid_status_action", "invalid_reason", "status_change_not_allowed", "unauthenticated", "forbidden",
        "rate_limited", "internal_error", "did_document_not_found", "schema_not_found", "not_found", "method_not_allowed", "bad_request",
    ];
}
