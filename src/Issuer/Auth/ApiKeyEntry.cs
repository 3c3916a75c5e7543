namespace Identity.Issuer.Auth;

/// <summary>One configured API key: who it is, the SHA-256 of the key (hex; the key itself is never stored) and its roles.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The principal's name, as audit records show it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The roles (<see cref="IssuerRoles"/>).</summary>
    public IList<string> Roles { get; } = [];
}
