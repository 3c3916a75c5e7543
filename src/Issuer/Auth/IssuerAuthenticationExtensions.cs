using System.Security.Claims;
using System.Threading.RateLimiting;
using Identity.Issuer.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Issuer.Auth;

/// <summary>Staff authentication (API keys and bearer tokens), the role policies and the per-principal rate limits.</summary>
internal static class IssuerAuthenticationExtensions
{
    /// <summary>The policy scheme that picks API key or bearer per request.</summary>
    public const string StaffScheme = "Staff";

    public static IServiceCollection AddIssuerAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtStaffOptions.SectionName).Get<JwtStaffOptions>() ?? new JwtStaffOptions();
        var authentication = services.AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, "API key or bearer token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    jwt.Enabled && !context.Request.Headers.ContainsKey(ApiKeyAuthenticationOptions.HeaderName)
                        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyAuthenticationOptions.Scheme;

                // One place answers 401 and 403, as problem details, whichever scheme authenticated.
                options.ForwardChallenge = ApiKeyAuthenticationOptions.Scheme;
                options.ForwardForbid = ApiKeyAuthenticationOptions.Scheme;
            })
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationOptions.Scheme, options =>
            {
                foreach (var entry in configuration.GetSection("Issuer:Auth:ApiKeys").GetChildren())
                {
                    var key = new ApiKeyEntry { Name = entry["Name"] ?? string.Empty, Sha256 = entry["Sha256"] ?? string.Empty };
                    foreach (var role in entry.GetSection("Roles").GetChildren())
                    {
                        if (role.Value is { } value)
                        {
                            key.Roles.Add(value);
                        }
                    }

                    if (key.Name.Length == 0 || key.Sha256.Length != 64)
                    {
                        throw new InvalidOperationException($"{entry.Path}: an API key needs a Name and Sha256 (the SHA-256 of the key, 64 hex digits).");
                    }

                    options.Keys.Add(key);
                }
            });

        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = jwt.Authority;
                options.Audience = jwt.Audience;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = jwt.Audience,
                    ValidateAudience = jwt.Audience is not null,
                    ValidIssuer = jwt.Issuer,
                    ValidateIssuer = jwt.Issuer is not null || jwt.Authority is not null,
                    IssuerSigningKey = jwt.SigningKeyJwk is { } jwk ? new JsonWebKey(jwk) : null,
                    RoleClaimType = jwt.RoleClaim,
                    NameClaimType = jwt.NameClaim,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(IssuerRoles.Issue, policy => policy.RequireAuthenticatedUser().RequireRole(IssuerRoles.Issue))
            .AddPolicy(IssuerRoles.Status, policy => policy.RequireAuthenticatedUser().RequireRole(IssuerRoles.Status))
            .AddPolicy(IssuerRoles.Read, policy => policy.RequireAuthenticatedUser().RequireRole(IssuerRoles.Read));

        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (limits.PermitsPerSecond < 1 || limits.Burst < 1 || limits.AnonymousPermitsPerSecond < 1 || limits.AnonymousBurst < 1)
        {
            throw new InvalidOperationException($"{RateLimitOptions.SectionName}: every limit must be at least 1.");
        }

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var name = context.User.Identity is { IsAuthenticated: true } identity ? "staff:" + identity.Name : null;
                return name is not null
                    ? RateLimitPartition.GetTokenBucketLimiter(name, _ => Bucket(limits.PermitsPerSecond, limits.Burst))
                    : RateLimitPartition.GetTokenBucketLimiter("anonymous:" + context.Connection.RemoteIpAddress, _ => Bucket(limits.AnonymousPermitsPerSecond, limits.AnonymousBurst));
            });
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ProblemResults.WriteAsync(context.HttpContext, IssuerError.RateLimited));
            };
        });
        return services;
    }

    /// <summary>The principal's name for audit records.</summary>
    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
