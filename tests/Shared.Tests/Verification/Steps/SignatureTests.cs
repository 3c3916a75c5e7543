using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;
using Identity.Shared.Jose;
using Identity.Shared.Verification;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

/// <summary>
/// SignatureStep over a hand-built document: a secp256k1 key and an Ed25519 key for assertions, a key listed only under
/// authentication, and address-only methods in every spelling did:ethr and did-jwt know.
/// </summary>
public sealed class SignatureTests : IDisposable
{
    private const string Id = "did:example:signer";

    private static readonly string[] AssertionFragments = ["#secp", "#ed", "#controller", "#legacy", "#address"];

    private readonly PrivateKey secp = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey ed = PrivateKey.Generate(KeyType.Ed25519);
    private readonly PrivateKey authOnly = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey account = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey legacyAccount = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey addressField = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly PrivateKey stranger = PrivateKey.Generate(KeyType.Secp256k1);
    private readonly DidDocument document;

    public SignatureTests()
    {
        VerificationMethod[] methods =
        [
            new() { Id = Id + "#secp", Type = VerificationMethodTypes.EcdsaSecp256k1VerificationKey2019, Controller = Id, PublicKeyHex = Convert.ToHexStringLower(secp.PublicKey.ToCompressed()) },
            new() { Id = Id + "#ed", Type = VerificationMethodTypes.Ed25519VerificationKey2018, Controller = Id, PublicKeyBase58 = Base58.Encode(ed.PublicKey.Bytes) },
            new() { Id = Id + "#auth", Type = VerificationMethodTypes.EcdsaSecp256k1VerificationKey2019, Controller = Id, PublicKeyHex = Convert.ToHexStringLower(authOnly.PublicKey.ToCompressed()) },
            new() { Id = Id + "#controller", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = Id, BlockchainAccountId = $"eip155:1:{account.PublicKey.ToEthereumAddress()}" },
            new() { Id = Id + "#legacy", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = Id, BlockchainAccountId = $"{legacyAccount.PublicKey.ToEthereumAddress()}@eip155:1" },
            new() { Id = Id + "#address", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = Id, EthereumAddress = addressField.PublicKey.ToEthereumAddress().ToString().ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) },
        ];
        document = new DidDocument
        {
            Id = Id,
            VerificationMethod = methods,
            AssertionMethod = [.. AssertionFragments.Select(VerificationMethodReference.To)],
            Authentication = [VerificationMethodReference.To("#auth"), VerificationMethodReference.To(Id + "#controller")],
        };
    }

    // name, signer, algorithm, kid, relationship, expected: the method's fragment or an error code
    public static TheoryData<string, string, string, string?, VerificationRelationship, string> Cases => new()
    {
        { "secp256k1 key, ES256K", "secp", "ES256K", null, VerificationRelationship.AssertionMethod, "#secp" },
        { "secp256k1 key, ES256K-R (checked by recovery)", "secp", "ES256K-R", null, VerificationRelationship.AssertionMethod, "#secp" },
        { "Ed25519 key, EdDSA", "ed", "EdDSA", null, VerificationRelationship.AssertionMethod, "#ed" },
        { "CAIP-10 account, ES256K (recovery)", "account", "ES256K", null, VerificationRelationship.AssertionMethod, "#controller" },
        { "CAIP-10 account, ES256K-R", "account", "ES256K-R", null, VerificationRelationship.AssertionMethod, "#controller" },
        { "legacy address@eip155 account", "legacyAccount", "ES256K", null, VerificationRelationship.AssertionMethod, "#legacy" },
        { "ethereumAddress in another case", "addressField", "ES256K-R", null, VerificationRelationship.AssertionMethod, "#address" },
        { "account under authentication by absolute reference", "account", "ES256K", null, VerificationRelationship.Authentication, "#controller" },
        { "authentication key signing an assertion", "auth", "ES256K", null, VerificationRelationship.AssertionMethod, "key_not_authorized" },
        { "assertion key signing an authentication", "secp", "ES256K", null, VerificationRelationship.Authentication, "key_not_authorized" },
        { "assertion account signing an authentication", "legacyAccount", "ES256K-R", null, VerificationRelationship.Authentication, "key_not_authorized" },
        { "authentication key, authentication", "auth", "ES256K", null, VerificationRelationship.Authentication, "#auth" },
        { "key not in the document", "stranger", "ES256K", null, VerificationRelationship.AssertionMethod, "invalid_signature" },
        { "key not in the document, ES256K-R", "stranger", "ES256K-R", null, VerificationRelationship.AssertionMethod, "invalid_signature" },
        { "kid relative, matching", "secp", "ES256K", "#secp", VerificationRelationship.AssertionMethod, "#secp" },
        { "kid absolute, matching", "ed", "EdDSA", Id + "#ed", VerificationRelationship.AssertionMethod, "#ed" },
        { "kid of an account method", "account", "ES256K", "#controller", VerificationRelationship.AssertionMethod, "#controller" },
        { "kid names another method of the document", "secp", "ES256K", "#controller", VerificationRelationship.AssertionMethod, "invalid_signature" },
        { "kid names a method outside the relationship", "auth", "ES256K", "#auth", VerificationRelationship.AssertionMethod, "key_not_authorized" },
        { "kid names no method", "secp", "ES256K", "#missing", VerificationRelationship.AssertionMethod, "key_not_authorized" },
        { "kid of another DID", "secp", "ES256K", "did:example:other#secp", VerificationRelationship.AssertionMethod, "key_not_authorized" },
        { "kid of a DID that only starts like the signer", "secp", "ES256K", Id + "x#secp", VerificationRelationship.AssertionMethod, "key_not_authorized" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_Case_GivesVerdict(string name, string signer, string algorithm, string? kid, VerificationRelationship relationship, string expected)
    {
        var jws = Sign(Key(signer), algorithm, kid);

        var result = SignatureStep.Verify(jws, document, relationship);

        var actual = result.Succeeded ? result.Value.Id[Id.Length..] : result.Error.Code.Value;
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Verify_TamperedPayload_InvalidSignature()
    {
        var token = JwsSigner.Sign(null, "{\"a\":1}"u8, secp, SignatureAlgorithm.ES256K);
        var parts = token.Split('.');
        var tampered = JwsCompact.Parse($"{parts[0]}.{Base64UrlStrict.Encode("{\"a\":2}"u8)}.{parts[2]}");

        Assert.Equal(VerificationErrorCode.InvalidSignature, SignatureStep.Verify(tampered, document, VerificationRelationship.AssertionMethod).Error?.Code);
    }

    [Fact]
    public void Verify_EdDsaAgainstSecpMethodsOnly_InvalidSignatureWithoutRecovery()
    {
        var curve = new CountingSecp256k1();
        var jws = Sign(PrivateKey.Generate(KeyType.Ed25519), "EdDSA", null);

        Assert.Equal(VerificationErrorCode.InvalidSignature, SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Error?.Code);
        Assert.Equal(0, curve.Recoveries);
    }

    [Fact]
    public void Verify_Es256KRAgainstManyMethods_OneRecovery()
    {
        // Three address-only methods and a keyed one before the match, and the failure path scanning the rest: one recovery.
        var curve = new CountingSecp256k1();
        var jws = Sign(addressField, "ES256K-R", null);

        Assert.True(SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Succeeded);
        Assert.Equal(1, curve.Recoveries);

        curve = new CountingSecp256k1();
        Assert.Equal(VerificationErrorCode.InvalidSignature, SignatureStep.Verify(Sign(stranger, "ES256K-R", null), document, VerificationRelationship.AssertionMethod, curve).Error?.Code);
        Assert.Equal(1, curve.Recoveries);
    }

    [Theory]
    [InlineData("eip155:1:0x0x00112233445566778899aabbccddeeff001122")]
    [InlineData("eip155:1:0x00112233445566778899aabbccddeeff0011223")]
    [InlineData("eip155:1:0xg0112233445566778899aabbccddeeff00112233")]
    [InlineData("eip155:1:")]
    [InlineData("00112233445566778899aabbccddeeff00112233@eip155:1")]
    [InlineData("cosmos:hub:0x00112233445566778899aabbccddeeff00112233")]
    public void Verify_MalformedAccountId_InvalidSignatureWithoutThrowing(string accountId)
    {
        var bad = new DidDocument
        {
            Id = Id,
            VerificationMethod = [new() { Id = Id + "#bad", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = Id, BlockchainAccountId = accountId }],
            AssertionMethod = [VerificationMethodReference.To("#bad")],
        };

        Assert.Equal(VerificationErrorCode.InvalidSignature, SignatureStep.Verify(Sign(account, "ES256K", null), bad, VerificationRelationship.AssertionMethod).Error?.Code);
    }

    [Fact]
    public void Verify_AccountIdWithUpperCasePrefix_MatchesAsDidJwtDoes()
    {
        var address = account.PublicKey.ToEthereumAddress().ToLowerHex();
        var upper = new DidDocument
        {
            Id = Id,
            VerificationMethod = [new() { Id = Id + "#upper", Type = VerificationMethodTypes.EcdsaSecp256k1RecoveryMethod2020, Controller = Id, BlockchainAccountId = "eip155:1:" + address.ToUpperInvariant() }],
            AssertionMethod = [VerificationMethodReference.To("#upper")],
        };

        Assert.True(SignatureStep.Verify(Sign(account, "ES256K", null), upper, VerificationRelationship.AssertionMethod).Succeeded);
    }

    [Fact]
    public void Verify_ThenRecoverSignerCandidates_SharesTheTokensRecoveries()
    {
        // The step and JwsCompact use one lazy recovery per token: asking again, in either API, recovers nothing more.
        var curve = new CountingSecp256k1();
        var jws = SignAtRecoveryId(account, 1);

        Assert.True(SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Succeeded);
        Assert.Equal(2, jws.RecoverSignerCandidates(curve).Count);
        Assert.True(jws.IsSignedByAddress(account.PublicKey.ToEthereumAddress(), curve));
        Assert.True(SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Succeeded);
        Assert.Equal([0, 1], curve.RecoveryIds);
    }

    [Fact]
    public void Verify_Es256KSignerAtRecoveryIdZero_OneRecovery()
    {
        var jws = SignAtRecoveryId(account, 0);
        var curve = new CountingSecp256k1();

        Assert.Equal(Id + "#controller", SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Value?.Id);
        Assert.Equal([0], curve.RecoveryIds);
    }

    [Fact]
    public void Verify_Es256KSignerAtRecoveryIdOne_TwoRecoveriesEachOnce()
    {
        var jws = SignAtRecoveryId(legacyAccount, 1);
        var curve = new CountingSecp256k1();

        Assert.Equal(Id + "#legacy", SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod, curve).Value?.Id);
        Assert.Equal([0, 1], curve.RecoveryIds);
    }

    [Fact]
    public void Verify_Es256KNoMatchAmongManyAccounts_EachRecoveryIdOnce()
    {
        // Three account methods under assertionMethod, one more under authentication scanned on the failure path.
        var curve = new CountingSecp256k1();

        var result = SignatureStep.Verify(Sign(stranger, "ES256K", null), document, VerificationRelationship.AssertionMethod, curve);

        Assert.Equal(VerificationErrorCode.InvalidSignature, result.Error?.Code);
        Assert.Equal([0, 1], curve.RecoveryIds);
    }

    [Fact]
    public void Verify_Es256KRWithRecoveryByteAboveOne_InvalidSignature()
    {
        var token = JwsSigner.Sign(null, "{}"u8, account, SignatureAlgorithm.ES256KR);
        var parts = token.Split('.');
        var signature = Base64UrlStrict.Decode(parts[2]);
        signature[64] = 27;
        var jws = JwsCompact.Parse($"{parts[0]}.{parts[1]}.{Base64UrlStrict.Encode(signature)}");

        Assert.Equal(VerificationErrorCode.InvalidSignature, SignatureStep.Verify(jws, document, VerificationRelationship.AssertionMethod).Error?.Code);
    }

    [Fact]
    public void Verify_EmptyRelationship_KeyNotAuthorizedForAKnownKey()
    {
        var bare = document with { AssertionMethod = null };

        Assert.Equal(VerificationErrorCode.KeyNotAuthorized, SignatureStep.Verify(Sign(secp, "ES256K", null), bare, VerificationRelationship.AssertionMethod).Error?.Code);
    }

    public void Dispose()
    {
        foreach (var key in new[] { secp, ed, authOnly, account, legacyAccount, addressField, stranger })
        {
            key.Dispose();
        }
    }

    private PrivateKey Key(string name) => name switch
    {
        "secp" => secp,
        "ed" => ed,
        "auth" => authOnly,
        "account" => account,
        "legacyAccount" => legacyAccount,
        "addressField" => addressField,
        _ => stranger,
    };

    private static JwsCompact Sign(PrivateKey key, string algorithm, string? kid, string payload = "{\"iss\":\"did:example:signer\"}")
    {
        Assert.True(SignatureAlgorithm.TryGet(algorithm, out var alg));
        return JwsCompact.Parse(JwsSigner.Sign(new JwsHeaderParameters { KeyId = kid }, System.Text.Encoding.UTF8.GetBytes(payload), key, alg));
    }

    /// <summary>An ES256K token whose signer's key is recovered with <paramref name="recoveryId"/> (payloads tried until one fits).</summary>
    private static JwsCompact SignAtRecoveryId(PrivateKey key, int recoveryId)
    {
        for (var i = 0; ; i++)
        {
            var jws = Sign(key, "ES256K", null, $"{{\"n\":{i}}}");
            var hash = System.Security.Cryptography.SHA256.HashData(jws.SigningInput.Span);
            var recovered = new byte[Secp256k1.UncompressedPublicKeySize];
            if (Secp256k1.Default.TryRecover(hash, jws.Signature.Span, recoveryId, recovered) && recovered.AsSpan().SequenceEqual(key.PublicKey.Bytes))
            {
                return jws;
            }
        }
    }

    /// <summary>The default implementation, counting recoveries.</summary>
    private sealed class CountingSecp256k1 : Secp256k1
    {
        private readonly Secp256k1 inner = Default;

        public List<int> RecoveryIds { get; } = [];

        public int Recoveries => RecoveryIds.Count;

        public override string Name => "counting " + inner.Name;

        public override bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) => inner.IsValidPrivateKey(privateKey);

        public override bool TryGetPublicKey(ReadOnlySpan<byte> privateKey, Span<byte> uncompressedPublicKey) => inner.TryGetPublicKey(privateKey, uncompressedPublicKey);

        public override bool TryParsePublicKey(ReadOnlySpan<byte> encodedPublicKey, Span<byte> uncompressedPublicKey) => inner.TryParsePublicKey(encodedPublicKey, uncompressedPublicKey);

        public override int Sign(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> privateKey, Span<byte> signature) => inner.Sign(hash, privateKey, signature);

        public override bool Verify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey) => inner.Verify(hash, signature, publicKey);

        public override bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> uncompressedPublicKey)
        {
            RecoveryIds.Add(recoveryId);
            return inner.TryRecover(hash, signature, recoveryId, uncompressedPublicKey);
        }
    }
}
