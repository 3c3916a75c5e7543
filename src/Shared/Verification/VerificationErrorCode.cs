using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Verification;

/// <summary>
/// A stable, documented, snake_case reason why a token, credential or presentation was refused. Each code has a
/// fixed one-sentence <see cref="Description"/> (safe to send to a client: it never holds a value from the input)
/// and an anchor in <c>docs/errors.md</c> (<see cref="Anchor"/>). The set is closed: codes are the static
/// properties below, and <see cref="TryParse"/> accepts only those. <c>default</c> behaves as
/// <see cref="Malformed"/>, so an error that was never set still fails closed.
/// </summary>
public readonly struct VerificationErrorCode : IEquatable<VerificationErrorCode>
{
    private readonly string? value;
    private readonly string? description;

    private VerificationErrorCode(string value, string description)
    {
        this.value = value;
        this.description = description;
    }

    /// <summary>The input is not well-formed (segments, encoding, JSON, required members, types).</summary>
    public static VerificationErrorCode Malformed { get; } = new("malformed", "The token or document is not well-formed.");

    /// <summary>The input is larger than the configured limit; it was not parsed.</summary>
    public static VerificationErrorCode TokenTooLarge { get; } = new("token_too_large", "The token is larger than the configured limit.");

    /// <summary>The <c>alg</c> is missing, <c>none</c>, or not one this product verifies.</summary>
    public static VerificationErrorCode UnsupportedAlgorithm { get; } = new("unsupported_algorithm", "The signature algorithm is missing or not supported.");

    /// <summary>The JWS header lists a critical extension (<c>crit</c>) that this product does not implement.</summary>
    public static VerificationErrorCode UnsupportedCriticalHeader { get; } = new("unsupported_critical_header", "The token requires a critical header extension that is not supported.");

    /// <summary>No candidate key verifies the signature.</summary>
    public static VerificationErrorCode InvalidSignature { get; } = new("invalid_signature", "The signature does not verify with any key of the signer.");

    /// <summary>The signature verifies, but with a key not authorized for this purpose (verification relationship).</summary>
    public static VerificationErrorCode KeyNotAuthorized { get; } = new("key_not_authorized", "The signing key is not authorized for this purpose by the signer's DID document.");

    /// <summary>The DID does not exist.</summary>
    public static VerificationErrorCode DidNotFound { get; } = new("did_not_found", "The DID could not be found.");

    /// <summary>The DID was deactivated.</summary>
    public static VerificationErrorCode DidDeactivated { get; } = new("did_deactivated", "The DID has been deactivated.");

    /// <summary>Resolving the DID failed for a reason other than its absence (network, node, timeout).</summary>
    public static VerificationErrorCode ResolutionFailed { get; } = new("resolution_failed", "The DID could not be resolved.");

    /// <summary>The validity period has ended.</summary>
    public static VerificationErrorCode Expired { get; } = new("expired", "The token or credential has expired.");

    /// <summary>The validity period has not begun.</summary>
    public static VerificationErrorCode NotYetValid { get; } = new("not_yet_valid", "The token or credential is not valid yet.");

    /// <summary>The issuer revoked the credential.</summary>
    public static VerificationErrorCode Revoked { get; } = new("revoked", "The credential has been revoked by its issuer.");

    /// <summary>The issuer suspended the credential.</summary>
    public static VerificationErrorCode Suspended { get; } = new("suspended", "The credential is suspended by its issuer.");

    /// <summary>The status list could not be fetched or checked; never treated as a pass.</summary>
    public static VerificationErrorCode StatusUnavailable { get; } = new("status_unavailable", "The credential's status could not be checked.");

    /// <summary>The issuer is not one the verifier trusts.</summary>
    public static VerificationErrorCode UntrustedIssuer { get; } = new("untrusted_issuer", "The credential's issuer is not trusted.");

    /// <summary>The presentation's holder is not the credential's subject.</summary>
    public static VerificationErrorCode HolderMismatch { get; } = new("holder_mismatch", "The presentation's holder is not the subject of the credential.");

    /// <summary>The audience is not this verifier.</summary>
    public static VerificationErrorCode AudienceMismatch { get; } = new("audience_mismatch", "The presentation is not addressed to this verifier.");

    /// <summary>The nonce is not the one this verifier issued.</summary>
    public static VerificationErrorCode NonceMismatch { get; } = new("nonce_mismatch", "The presentation's nonce was not issued by this verifier.");

    /// <summary>The nonce was already used.</summary>
    public static VerificationErrorCode NonceReplayed { get; } = new("nonce_replayed", "The presentation's nonce has already been used.");

    /// <summary>The verifier's nonce store could not be asked (e.g. its Redis is down): the nonce cannot be checked.</summary>
    public static VerificationErrorCode NonceUnavailable { get; } = new("nonce_unavailable", "The presentation's nonce could not be checked.");

    /// <summary>Every code, in the order of docs/errors.md.</summary>
    public static IReadOnlyList<VerificationErrorCode> All { get; } =
    [
        Malformed, TokenTooLarge, UnsupportedAlgorithm, UnsupportedCriticalHeader, InvalidSignature, KeyNotAuthorized,
        DidNotFound, DidDeactivated, ResolutionFailed, Expired, NotYetValid, Revoked, Suspended, StatusUnavailable,
        UntrustedIssuer, HolderMismatch, AudienceMismatch, NonceMismatch, NonceReplayed, NonceUnavailable,
    ];

    /// <summary>The snake_case code, e.g. <c>invalid_signature</c>.</summary>
    public string Value => value ?? Malformed.value!;

    /// <summary>A fixed one-sentence description, safe to show to anyone (RFC 6750 <c>error_description</c>).</summary>
    public string Description => description ?? Malformed.description!;

    /// <summary>The fragment of this code's section in docs/errors.md (the code itself).</summary>
    public string Anchor => Value;

    /// <summary>Looks up a code by its snake_case value (ordinal, case-sensitive).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out VerificationErrorCode code)
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
    public static VerificationErrorCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a known verification error code.");

    /// <summary>The documentation address of this code: <paramref name="errorsPage"/> with the code as fragment.</summary>
    public Uri GetDocumentationUri(Uri errorsPage)
    {
        ArgumentNullException.ThrowIfNull(errorsPage);
        return new UriBuilder(errorsPage) { Fragment = Anchor }.Uri;
    }

    /// <inheritdoc />
    public bool Equals(VerificationErrorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VerificationErrorCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The snake_case code.</summary>
    public override string ToString() => Value;

    /// <summary>Code equality.</summary>
    public static bool operator ==(VerificationErrorCode left, VerificationErrorCode right) => left.Equals(right);

    /// <summary>Code inequality.</summary>
    public static bool operator !=(VerificationErrorCode left, VerificationErrorCode right) => !left.Equals(right);
}
