using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Verification;

namespace Identity.Shared.Tests.Verification;

/// <summary>
/// The whole pipeline on did:key (no chain): VCDM 1.1 VC-JWT and VCDM 2.0 VC-JOSE-COSE, every signing algorithm,
/// with the verdicts a verifier relies on.
/// </summary>
public sealed class PresentationVerifierTests
{
    private const string Audience = "https://clinic.example";
    private const string Nonce = "n-0S6_WzA2Mj";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly DidResolver resolver = new([new DidKeyResolver()]);

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var algorithm in SignatureAlgorithm.All)
        {
            data.Add(algorithm.Name, false);
            data.Add(algorithm.Name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task VerifyAsync_ValidPresentation_VerifiedWithClaims(string algorithmName, bool version2)
    {
        using var world = World.Create(algorithmName);
        var presentation = world.Present(version2, world.Issue(version2));

        var result = await Verifier().VerifyAsync(presentation, Audience, Nonce, new VerificationOptions { At = Now });

        Assert.True(result.Verified, result.ToJson());
        Assert.Equal(world.HolderDid, result.Holder);
        var credential = Assert.Single(result.Credentials);
        Assert.Equal(world.IssuerDid, credential.Issuer);
        Assert.Equal(world.HolderDid, credential.Subject);
        Assert.Contains("PatientIdentityCredential", credential.Types);
        Assert.Equal("1990-04-01", credential.Claims.GetProperty("birthDate").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_ExpiredCredential_Expired(bool version2)
    {
        using var world = World.Create("ES256K");
        var presentation = world.Present(version2, world.Issue(version2, validUntil: Now.AddDays(-1)));

        var result = await Verifier().VerifyAsync(presentation, Audience, Nonce, new VerificationOptions { At = Now });

        Assert.Equal("expired", Assert.Single(result.Errors).Code.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_CredentialSignedByAnotherKey_InvalidSignature(bool version2)
    {
        using var world = World.Create("EdDSA");
        using var impostor = PrivateKey.Generate(KeyType.Ed25519);
        var presentation = world.Present(version2, world.Issue(version2, signer: impostor));

        var result = await Verifier().VerifyAsync(presentation, Audience, Nonce, new VerificationOptions { At = Now });

        Assert.Equal("invalid_signature", Assert.Single(result.Errors).Code.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_WrongAudienceOrNonce_Mismatch(bool version2)
    {
        using var world = World.Create("ES256");
        var presentation = world.Present(version2, world.Issue(version2));

        var wrongAudience = await Verifier().VerifyAsync(presentation, "https://elsewhere.example", Nonce, new VerificationOptions { At = Now });
        var wrongNonce = await Verifier().VerifyAsync(presentation, Audience, "another", new VerificationOptions { At = Now });

        Assert.Equal("audience_mismatch", Assert.Single(wrongAudience.Errors).Code.Value);
        Assert.Equal("nonce_mismatch", Assert.Single(wrongNonce.Errors).Code.Value);
    }

    [Fact]
    public async Task VerifyAsync_UntrustedIssuerForType_UntrustedIssuer()
    {
        using var world = World.Create("ES256K");
        var presentation = world.Present(true, world.Issue(true));
        var trust = new TrustPolicy
        {
            TrustedIssuersByType = new Dictionary<string, IReadOnlyCollection<string>> { ["PatientIdentityCredential"] = ["did:key:z6MkOtherHospital"] },
        };

        var result = await Verifier().VerifyAsync(presentation, Audience, Nonce, new VerificationOptions { At = Now, Trust = trust });

        Assert.Equal("untrusted_issuer", Assert.Single(result.Errors).Code.Value);
    }

    [Fact]
    public async Task VerifyAsync_CredentialWithStatusAndNoProvider_StatusUnavailable()
    {
        using var world = World.Create("ES256K");
        var presentation = world.Present(false, world.Issue(false, withStatus: true));

        var result = await Verifier().VerifyAsync(presentation, Audience, Nonce, new VerificationOptions { At = Now });

        Assert.Equal("status_unavailable", Assert.Single(result.Errors).Code.Value);
    }

    [Theory]
    [InlineData("", "malformed")]
    [InlineData("not a token", "malformed")]
    [InlineData("e30.e30.e30", "unsupported_algorithm")]
    public async Task VerifyAsync_Garbage_ErrorWithoutThrowing(string token, string code)
    {
        var result = await Verifier().VerifyAsync(token, Audience, Nonce);

        Assert.False(result.Verified);
        Assert.Equal(code, Assert.Single(result.Errors).Code.Value);
    }

    private PresentationVerifier Verifier() => new(resolver, new CredentialVerifier(resolver));

    private sealed class World : IDisposable
    {
        private World(SignatureAlgorithm algorithm)
        {
            Algorithm = algorithm;
            IssuerKey = PrivateKey.Generate(algorithm.KeyType);
            HolderKey = PrivateKey.Generate(algorithm.KeyType);
            IssuerDid = DidKeyResolver.CreateDid(IssuerKey.PublicKey);
            HolderDid = DidKeyResolver.CreateDid(HolderKey.PublicKey);
        }

        public SignatureAlgorithm Algorithm { get; }

        public PrivateKey IssuerKey { get; }

        public PrivateKey HolderKey { get; }

        public string IssuerDid { get; }

        public string HolderDid { get; }

        public static World Create(string algorithmName) =>
            SignatureAlgorithm.TryGet(algorithmName, out var algorithm) ? new World(algorithm) : throw new ArgumentException(algorithmName);

        public string Issue(bool version2, DateTimeOffset? validUntil = null, PrivateKey? signer = null, bool withStatus = false)
        {
            var json = new JsonObject
            {
                ["@context"] = new JsonArray(version2 ? "https://www.w3.org/ns/credentials/v2" : "https://www.w3.org/2018/credentials/v1"),
                ["type"] = new JsonArray("VerifiableCredential", "PatientIdentityCredential"),
                ["issuer"] = IssuerDid,
                [version2 ? "validFrom" : "issuanceDate"] = "2026-01-01T00:00:00Z",
                ["credentialSubject"] = new JsonObject { ["id"] = HolderDid, ["name"] = "Alice Example", ["birthDate"] = "1990-04-01" },
            };
            if (validUntil is { } until)
            {
                json[version2 ? "validUntil" : "expirationDate"] = VerifiableCredential.FormatDate(until);
            }

            if (withStatus)
            {
                json["credentialStatus"] = new JsonObject
                {
                    ["id"] = "https://hospital.example/status/1#94567",
                    ["type"] = "BitstringStatusListEntry",
                    ["statusPurpose"] = "revocation",
                    ["statusListIndex"] = "94567",
                    ["statusListCredential"] = "https://hospital.example/status/1",
                };
            }

            var credential = VerifiableCredential.Create(json);
            var options = new JwtSigningOptions { KeyId = KeyIdOf(IssuerDid) };
            return version2
                ? VcJoseCose.SignCredential(credential, signer ?? IssuerKey, Algorithm, options)
                : VcJwt.SignCredential(credential, signer ?? IssuerKey, Algorithm, options);
        }

        public string Present(bool version2, params string[] credentials)
        {
            var presentation = VerifiablePresentation.Create(version2 ? DataModelVersion.V2_0 : DataModelVersion.V1_1, HolderDid, credentials);
            var options = new JwtSigningOptions { KeyId = KeyIdOf(HolderDid), Audience = [Audience], Nonce = Nonce };
            return version2
                ? VcJoseCose.SignPresentation(presentation, HolderKey, Algorithm, options)
                : VcJwt.SignPresentation(presentation, HolderKey, Algorithm, options);
        }

        public void Dispose()
        {
            IssuerKey.Dispose();
            HolderKey.Dispose();
        }

        private static string KeyIdOf(string didKey) => didKey + "#" + didKey["did:key:".Length..];
    }
}
