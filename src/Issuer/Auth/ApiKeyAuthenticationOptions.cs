using Microsoft.AspNetCore.Authentication;

namespace Identity.Issuer.Auth;

/// <summary>The API keys the <c>ApiKey</c> scheme accepts (bound from <c>Issuer:Auth:ApiKeys</c>).</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The configured keys.</summary>
    public IList<ApiKeyEntry> Keys { get; } = [];
}
