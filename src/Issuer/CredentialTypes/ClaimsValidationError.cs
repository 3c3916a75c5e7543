namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// Why claims or evidence were refused: a stable <see cref="Code"/>, a fixed <see cref="Message"/> written by this
/// product (never a claim value: claims may be health data) and the JSON pointer of the first failing place.
/// </summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">A fixed sentence more precise than the code's description; holds no value from the input.</param>
/// <param name="Location">
/// The RFC 6901 JSON pointer of the failing member, relative to the validated document (the claims object, or the
/// evidence); empty for the whole document. Member names come from the input, values never do.
/// </param>
public sealed record ClaimsValidationError(ClaimsErrorCode Code, string Message, string Location);
