namespace Identity.Shared.Dids;

/// <summary>Limits of the did:web resolver. Defaults are safe for a verifier fetching documents named by strangers.</summary>
public sealed class DidWebOptions
{
    /// <summary>Largest document accepted, in bytes (read as a stream; the fetch stops past it). Default 256 KiB.</summary>
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Time for the whole fetch, redirects and body included. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirects followed (each must stay on HTTPS). Default 3.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// TEST ONLY: fetch <c>did:web:localhost%3A…</c> over plain http. Never set in production: did:web's security is
    /// the TLS certificate of the domain.
    /// </summary>
    public bool AllowHttpForLocalhost { get; set; }
}
