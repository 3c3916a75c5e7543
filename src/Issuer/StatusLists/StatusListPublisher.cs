using System.Collections.Concurrent;
using System.Globalization;
using Identity.Issuer.Issuance;
using Identity.Issuer.Keys;
using Identity.Issuer.Storage;
using Identity.Shared.Credentials;
using Identity.Shared.StatusLists;
using Microsoft.Extensions.Options;

namespace Identity.Issuer.StatusLists;

/// <summary>
/// Serves each status list (one per list number and purpose) as a VCDM 2.0 <c>BitstringStatusListCredential</c>
/// secured with VC-JOSE-COSE by the issuer's default key. A signed token is kept per list version and signed again
/// when the list changes or half of its validity has passed, so verifiers polling a list cost one store read.
/// </summary>
internal sealed class StatusListPublisher(IIssuerStore store, IIssuerKeyRing keys, IOptions<IssuerOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(int List, string Purpose), SignedStatusList> signed = new();

    public const string MediaType = VcJoseCose.CredentialMediaType;

    public async Task<SignedStatusList?> GetAsync(int listNumber, string purpose, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetStatusListAsync(listNumber, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        if (signed.TryGetValue((listNumber, purpose), out var cached)
            && cached.Version == snapshot.Version
            && now < cached.SignedAt + (settings.StatusListValidity / 2))
        {
            return cached;
        }

        var bits = purpose == StatusPurposes.Revocation ? snapshot.Revoked : snapshot.Suspended;
        var builder = new BitstringStatusListBuilder(Math.Max(snapshot.Capacity, BitstringStatusList.MinimumEntries));
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i] == 0)
            {
                continue;
            }

            for (var bit = 0; bit < 8; bit++)
            {
                // Bit 0 is the most significant bit of byte 0, as the Bitstring Status List orders them.
                if ((bits[i] & (0x80 >> bit)) != 0)
                {
                    builder.Set((i * 8L) + bit, on: true);
                }
            }
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var url = IssuerUrls.StatusList(settings.PublicBaseUrl!, listNumber, purpose).AbsoluteUri;
        var credential = BitstringStatusListCredential.Create(
            url,
            keys.IssuerDid,
            [purpose],
            builder.ToStatusList(),
            DataModelVersion.V2_0,
            validFrom: signedAt,
            validUntil: signedAt + settings.StatusListValidity,
            timeToLive: settings.StatusListMaxAge);
        var key = keys.ActiveKey();
        var token = await VcJoseCose.SignCredentialAsync(credential, key.Signer, new JwtSigningOptions { KeyId = key.KeyId }, cancellationToken).ConfigureAwait(false);
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{listNumber}-{purpose}-{snapshot.Version}-{signedAt.ToUnixTimeSeconds()}\"");
        var fresh = new SignedStatusList(token, etag, snapshot.Version, signedAt);
        signed[(listNumber, purpose)] = fresh;
        return fresh;
    }
}
