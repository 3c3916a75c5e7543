using Identity.Verifier;
using Identity.Verifier.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the verifier's endpoints: the challenge (nonce) and the browser sign-in.</summary>
public static class PresentationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET <paramref name="pattern"/></c> answers <c>{ "nonce", "audience", "expiresAt" }</c> (no-store), rate
    /// limited per client address (429 beyond <see cref="VerifiablePresentationOptions.ChallengeRateLimit"/>), 503
    /// when the nonce store is full.
    /// </summary>
    public static RouteHandlerBuilder MapPresentationChallenge(
        this IEndpointRouteBuilder endpoints,
        string pattern = VerifiablePresentationDefaults.ChallengePath,
        string scheme = VerifiablePresentationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(pattern, async (HttpContext context, PresentationChallengeIssuer issuer, ChallengeRateLimiter limiter, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(VerifiablePresentationHandler));
            context.Response.Headers.CacheControl = "no-store";
            if (!limiter.TryAcquire(context, scheme))
            {
                logger.ChallengeRateLimited();
                context.Response.Headers.RetryAfter = "60";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            PresentationChallenge? challenge;
            try
            {
                challenge = await issuer.IssueAsync(scheme, context.RequestAborted);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // The store (e.g. a shared Redis) is down: no nonce can be promised, so none is handed out.
                logger.NonceStoreUnavailable(e.GetType().Name);
                challenge = null;
            }

            if (challenge is null)
            {
                logger.NonceStoreFull();
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new ChallengeBody(challenge.Nonce, challenge.Audience, challenge.ExpiresAt));
        }).AllowAnonymous();
    }

    /// <summary>
    /// <c>POST <paramref name="pattern"/></c> with <c>Authorization: Bearer &lt;VP&gt;</c>: verifies the presentation once
    /// (scheme <paramref name="scheme"/>) and signs the principal in with <paramref name="cookieScheme"/>, so later
    /// requests carry a cookie instead of a presentation. The session ends no later than the earliest credential
    /// expiry. Answers <c>{ "holder", "types" }</c>, or the scheme's 401 challenge.
    /// </summary>
    public static RouteHandlerBuilder MapPresentationSignIn(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        string cookieScheme = CookieAuthenticationDefaults.AuthenticationScheme,
        string scheme = VerifiablePresentationDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, async (HttpContext context, ILoggerFactory loggers) =>
        {
            var result = await context.AuthenticateAsync(scheme);
            if (!result.Succeeded)
            {
                await context.ChallengeAsync(scheme);
                return Results.Empty;
            }

            var properties = new AuthenticationProperties { ExpiresUtc = result.Properties?.ExpiresUtc, IsPersistent = false };
            await context.SignInAsync(cookieScheme, result.Principal, properties);
            loggers.CreateLogger(typeof(VerifiablePresentationHandler)).SignedIn(cookieScheme);
            var types = result.Principal.FindAll(VerifiablePresentationClaimTypes.CredentialType).Select(c => c.Value).ToArray();
            return Results.Json(new SignInBody(result.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, types));
        }).AllowAnonymous();
    }

    private sealed record ChallengeBody(string Nonce, string Audience, DateTimeOffset ExpiresAt);

    private sealed record SignInBody(string? Holder, IReadOnlyList<string> Types);
}
