using System.Security.Cryptography;
using Identity.Issuer.Issuance;
using Identity.Issuer.Storage;
using Identity.Shared.Encoding;
using Microsoft.Extensions.Options;

namespace Identity.Issuer.HolderProofs;

/// <summary>
/// Hands out one-time nonces for holder proofs. They live in the store, not in memory, so that a proof made over
/// a nonce from one instance is accepted (once) by any instance sharing the database.
/// </summary>
internal sealed class NonceIssuer(IIssuerStore store, IOptions<IssuerOptions> options, TimeProvider time)
{
    public async Task<(string Nonce, DateTimeOffset ExpiresAt)> CreateAsync(CancellationToken cancellationToken)
    {
        var nonce = Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(32));
        var expiresAt = time.GetUtcNow() + options.Value.NonceLifetime;
        await store.CreateNonceAsync(nonce, expiresAt, cancellationToken).ConfigureAwait(false);
        return (nonce, expiresAt);
    }
}
