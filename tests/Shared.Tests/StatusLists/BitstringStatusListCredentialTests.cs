using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.StatusLists;

namespace Identity.Shared.Tests.StatusLists;

public sealed class BitstringStatusListCredentialTests
{
    [Fact]
    public void Create_V2_SignedWithVcJoseCose_DecodesToTheSameBits()
    {
        using var key = PrivateKey.Generate(KeyType.Secp256k1);
        var bits = new BitstringStatusListBuilder().Set(7, true).Set(131_000, true).ToStatusList();
        var credential = BitstringStatusListCredential.Create(
            "https://issuer.example/status-lists/1", "did:example:issuer", [StatusPurposes.Revocation, StatusPurposes.Suspension], bits,
            validFrom: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), validUntil: new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var token = VcJoseCose.SignCredential(credential, key, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = "did:example:issuer#controller" });

        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);
        Assert.True(decoded.Jws.Verify(key.PublicKey));
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], decoded.Types);
        Assert.Equal("2026-01-01T00:00:00Z", decoded.Credential.Json.GetProperty("validFrom").GetString());
        Assert.True(StatusListCredential.TryCreate(decoded.Credential, null, out var list, out error), error?.Message);
        Assert.Equal([StatusPurposes.Revocation, StatusPurposes.Suspension], list.Purposes);
        Assert.Equal(bits.ToArray(), list.List.ToArray());
        Assert.Equal("https://issuer.example/status-lists/1#list", decoded.Subject);
    }

    [Fact]
    public void Create_V1_IsAVcJwtWithIssuanceDate()
    {
        using var key = PrivateKey.Generate(KeyType.Ed25519);
        var credential = BitstringStatusListCredential.Create(
            "https://issuer.example/status-lists/2", "did:example:issuer", [StatusPurposes.Revocation], new BitstringStatusListBuilder().Set(3, true).ToStatusList(),
            DataModelVersion.V1_1, validFrom: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([CredentialContexts.V1, CredentialContexts.BitstringStatusList], credential.Contexts);
        var token = VcJwt.SignCredential(credential, key, SignatureAlgorithm.EdDSA);

        Assert.True(CredentialJwt.TryDecodeCredential(token, out var decoded, out var error), error?.Message);
        Assert.True(StatusListCredential.TryCreate(decoded.Credential, null, out var list, out error), error?.Message);
        Assert.True(list.List.GetBit(3));
    }

    [Fact]
    public void Create_V1WithoutValidFrom_Throws()
    {
        Assert.Throws<ArgumentException>(() => BitstringStatusListCredential.Create(
            "https://issuer.example/status-lists/2", "did:example:issuer", [StatusPurposes.Revocation], new BitstringStatusListBuilder().ToStatusList(), DataModelVersion.V1_1));
    }
}
