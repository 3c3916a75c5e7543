namespace Identity.Issuer.Auth;

/// <summary>The staff roles the API authorizes with; each is also the name of its authorization policy.</summary>
public static class IssuerRoles
{
    /// <summary>May mint credentials and ask for nonces.</summary>
    public const string Issue = "issuer.issue";

    /// <summary>May revoke, suspend and reinstate.</summary>
    public const string Status = "issuer.status";

    /// <summary>May read credential metadata.</summary>
    public const string Read = "issuer.read";

    /// <summary>Proofed the patient in person: may waive the holder proof.</summary>
    public const string Proofing = "issuer.proofing";
}
