using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Identity.Issuer.Api;
using Identity.Shared.Encoding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Identity.Issuer.Auth;

/// <summary>
/// Authenticates staff systems by <c>X-Api-Key</c>: the key's SHA-256 is compared in constant time with each
/// configured hash. No header → no result (another scheme may apply). It also answers every challenge and
/// forbid of the service, as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthenticationOptions.HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? match = null;
        foreach (var entry in Options.Keys)
        {
            // Every entry is compared, so the time taken does not tell which one (or whether one) matched.
            if (Hex.TryDecode(entry.Sha256, out var expected) && expected.Length == hash.Length && CryptographicOperations.FixedTimeEquals(expected, hash))
            {
                match = entry;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "ApiKey, Bearer";
        return ProblemResults.WriteAsync(Context, IssuerError.Unauthenticated);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResults.WriteAsync(Context, IssuerError.Forbidden);
}
