using System.Security.Claims;
using System.Text.Encodings.Web;
using Identity.Shared.Verification;
using Identity.Verifier.Nonces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Identity.Verifier;

/// <summary>
/// Authenticates a request by the verifiable presentation in <c>Authorization: Bearer</c>: the presentation's nonce
/// must be one this site issued and has not seen used; the engine verifies the rest (signatures, time, status, trust,
/// holder binding, audience); only then is the nonce redeemed, atomically, so a forged token cannot burn one.
/// </summary>
public sealed class VerifiablePresentationHandler(
    IOptionsMonitor<VerifiablePresentationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PresentationVerifier verifier,
    IPresentationNonceStore nonces)
    : AuthenticationHandler<VerifiablePresentationOptions>(options, logger, encoder)
{
    internal const string ErrorCodeItem = ".vp.error";
    internal const string ErrorMessageItem = ".vp.error_message";

    private new VerifiablePresentationEvents Events => (VerifiablePresentationEvents)base.Events!;

    /// <inheritdoc />
    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new VerifiablePresentationEvents());

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var received = new PresentationReceivedContext(Context, Scheme, Options);
        await Events.MessageReceived(received);
        if (received.Result is not null)
        {
            return received.Result;
        }

        var token = received.Token ?? ReadBearer();
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        // The nonce is looked up before any signature work so that a replay or an invented nonce costs no DID
        // resolution; it is redeemed only after the engine accepted the presentation.
        if (!PresentationPeek.TryDecode(token, Options.Verification.Jws, out var decoded, out var malformed))
        {
            return await FailAsync(malformed);
        }

        var nonce = decoded.Nonce;
        NonceStatus status;
        try
        {
            status = nonce is null ? NonceStatus.Unknown : await nonces.GetStatusAsync(nonce, Context.RequestAborted);
        }
        catch (Exception e) when (!Context.RequestAborted.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // Fail closed: a nonce that cannot be checked is not accepted, and the answer says why (not a 500).
            Logger.NonceStoreUnavailable(e.GetType().Name);
            return await FailAsync(new VerificationError(VerificationErrorCode.NonceUnavailable));
        }

        if (status != NonceStatus.Unused)
        {
            return await FailAsync(NonceError(status));
        }

        var result = await verifier.VerifyAsync(token, Options.Audience!, nonce!, Options.Verification, Context.RequestAborted);
        if (!result.Verified)
        {
            return await FailAsync(result.Errors[0]);
        }

        NonceStatus redeemed;
        try
        {
            redeemed = await nonces.TryRedeemAsync(nonce!, Context.RequestAborted);
        }
        catch (Exception e) when (!Context.RequestAborted.IsCancellationRequested && e is not OutOfMemoryException)
        {
            Logger.NonceStoreUnavailable(e.GetType().Name);
            return await FailAsync(new VerificationError(VerificationErrorCode.NonceUnavailable));
        }

        if (redeemed != NonceStatus.Unused)
        {
            return await FailAsync(NonceError(redeemed));
        }

        var principal = PresentationPrincipalFactory.Create(decoded, result, Options, Scheme.Name);
        var validated = new PresentationValidatedContext(Context, Scheme, Options, result) { Principal = principal };
        await Events.PresentationValidated(validated);
        if (validated.Result is not null)
        {
            if (!validated.Result.Succeeded)
            {
                Logger.PresentationRejectedByEvent();
            }

            return validated.Result;
        }

        Logger.PresentationValidated(result.Credentials.Count);
        var properties = validated.Properties ?? new AuthenticationProperties();
        properties.ExpiresUtc = PresentationPrincipalFactory.EarliestExpiry(validated.Principal!);
        if (Options.SaveToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "presentation", Value = token }]);
        }

        validated.Properties = properties;
        validated.Success();
        return validated.Result!;
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var authenticated = await HandleAuthenticateOnceSafeAsync();
        var error = ErrorOf(authenticated);
        var challenge = new PresentationChallengeContext(Context, Scheme, Options, properties, error);
        await Events.Challenge(challenge);
        if (challenge.Handled)
        {
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, WwwAuthenticate.Format(error?.Code, Options.ErrorDocumentation));
    }

    private static VerificationError NonceError(NonceStatus status) => status == NonceStatus.Used
        ? new VerificationError(VerificationErrorCode.NonceReplayed)
        : new VerificationError(VerificationErrorCode.NonceMismatch);

    private static VerificationError? ErrorOf(AuthenticateResult result) =>
        result.Properties?.Items.TryGetValue(ErrorCodeItem, out var code) == true && VerificationErrorCode.TryParse(code, out var parsed)
            ? new VerificationError(parsed, result.Properties.Items.TryGetValue(ErrorMessageItem, out var message) && message is not null ? message : parsed.Description)
            : result.Failure is not null ? new VerificationError(VerificationErrorCode.Malformed) : null;

    private string? ReadBearer()
    {
        string? authorization = Request.Headers.Authorization;
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
    }

    private async Task<AuthenticateResult> FailAsync(VerificationError error)
    {
        Logger.PresentationRefused(error.Code.Value);
        var failed = new PresentationAuthenticationFailedContext(Context, Scheme, Options, error);
        await Events.AuthenticationFailed(failed);
        if (failed.Result is not null)
        {
            return failed.Result;
        }

        var properties = new AuthenticationProperties();
        properties.Items[ErrorCodeItem] = error.Code.Value;
        properties.Items[ErrorMessageItem] = error.Message;
        return AuthenticateResult.Fail(error.Code.Description, properties);
    }
}
