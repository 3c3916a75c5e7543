namespace Identity.Issuer.Storage;

/// <summary>A credential's status. Revocation is final; suspension can be lifted (reinstated to active).</summary>
public enum CredentialState
{
    /// <summary>Valid as far as the issuer is concerned.</summary>
    Active,

    /// <summary>Temporarily invalid: the suspension list's bit is set.</summary>
    Suspended,

    /// <summary>Permanently invalid: the revocation list's bit is set.</summary>
    Revoked,
}
