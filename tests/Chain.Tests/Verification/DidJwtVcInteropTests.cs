using System.Text;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Encoding;
using Identity.Shared.Verification;
using Identity.TestSupport.Chain;
using Xunit.Abstractions;

namespace Identity.Chain.Tests.Verification;

/// <summary>
/// Both directions against did-jwt-vc 4 on the anvil chain: what did-jwt-vc issues (ES256K, ES256K-R, an Ed25519
/// registry attribute, a veriKey delegate) verifies with ours, with the same verdicts on every negative case; what ours
/// issues verifies with did-jwt-vc. Where our stricter rules differ (did-jwt-vc checks no verification relationship
/// and no holder binding), the case says so and expects the difference.
/// </summary>
[Collection(AnvilFixture.Collection)]
public sealed class DidJwtVcInteropTests(AnvilFixture chain, ITestOutputHelper output)
{
    private const string Audience = "https://clinic.example";
    private const string Nonce = "7b1c0e9a-challenge";
    private const string Valid = "valid";

    [Fact]
    public async Task VerifyAsync_CredentialsIssuedByDidJwtVc_SameVerdictsAsDidJwtVc()
    {
        using var world = await EthrWorld.CreateAsync(chain);
        var now = Now();
        var cases = new List<Case>
        {
            new("ES256K by the did:ethr controller", EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 60)), Valid, Valid),
            new("ES256K-R by the did:ethr controller", EthrWorld.Issue("issueVc", world.Issuer, "ES256K-R", world.IssuerDid, Vc(world.HolderDid, now - 60)), Valid, Valid),
            new("EdDSA by an Ed25519 veriKey attribute", EthrWorld.Issue("issueVc", world.EdAssertionKey, "EdDSA", world.EdIssuerDid, Vc(world.HolderDid, now - 60)), Valid, Valid),
            new("ES256K by a veriKey delegate", EthrWorld.Issue("issueVc", world.VeriKeyDelegate, "ES256K", world.DelegatorDid, Vc(world.HolderDid, now - 60)), Valid, Valid),
            new("ES256K-R by a veriKey delegate", EthrWorld.Issue("issueVc", world.VeriKeyDelegate, "ES256K-R", world.DelegatorDid, Vc(world.HolderDid, now - 60)), Valid, Valid),
            new("expired", EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 7200, now - 3600)), "expired", "expired"),
            new("not yet valid", EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now + 3600)), "not_yet_valid", "not_yet_valid"),
            new("tampered payload", EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature", Tamper),
            new("tampered payload, EdDSA", EthrWorld.Issue("issueVc", world.EdAssertionKey, "EdDSA", world.EdIssuerDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature", Tamper),
            new("key not in the issuer's document", EthrWorld.Issue("issueVc", world.Stranger, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature"),
            new("key not in the document, ES256K-R", EthrWorld.Issue("issueVc", world.Stranger, "ES256K-R", world.IssuerDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature"),
            new("revoked veriKey delegate", EthrWorld.Issue("issueVc", world.RevokedDelegate, "ES256K", world.DelegatorDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature"),
            new("signer rotated out by an owner change", EthrWorld.Issue("issueVc", world.RotatedOldOwner, "ES256K", world.RotatedDid, Vc(world.HolderDid, now - 60)), "invalid_signature", "invalid_signature"),
            // ethr-did-resolver gives a deactivated DID an empty document: did-jwt finds no key; ours names the cause.
            new("deactivated issuer", EthrWorld.Issue("issueVc", world.Deactivated, "ES256K", world.DeactivatedDid, Vc(world.HolderDid, now - 60)), "no_suitable_keys", "did_deactivated"),
        };

        var issued = await world.RunNodeAsync(cases.Select(c => c.Op));
        var tokens = cases.Select((c, i) => c.Tamper is null ? Jwt(issued[i]) : c.Tamper(Jwt(issued[i]))).ToList();
        var theirs = await world.RunNodeAsync(tokens.Select(t => new JsonObject { ["op"] = "verifyVc", ["jwt"] = t }));
        var verifier = new CredentialVerifier(world.Resolver);
        var ours = new List<string>();
        foreach (var token in tokens)
        {
            ours.Add(Verdict(await verifier.VerifyAsync(token)));
        }

        AssertTable("credential issued by did-jwt-vc", cases, theirs, ours);
    }

    [Fact]
    public async Task VerifyAsync_PresentationsIssuedByDidJwtVc_SameVerdictsAsDidJwtVc()
    {
        using var world = await EthrWorld.CreateAsync(chain);
        var now = Now();
        var credentials = await world.RunNodeAsync(
        [
            EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 60)),
            EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(EthrWorld.Did(world.Stranger), now - 60)),
            EthrWorld.Issue("issueVc", world.Issuer, "ES256K", world.IssuerDid, Vc(world.HolderDid, now - 7200, now - 3600)),
        ]);
        var good = Jwt(credentials[0]);
        var othersCredential = Jwt(credentials[1]);
        var expiredCredential = Jwt(credentials[2]);
        var bound = new JsonObject { ["domain"] = Audience, ["challenge"] = Nonce };
        var cases = new List<Case>
        {
            new("ES256K by the holder's controller", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now - 60), bound), Valid, Valid),
            new("ES256K-R by the holder's controller", EthrWorld.Issue("issueVp", world.Holder, "ES256K-R", world.HolderDid, Vp(good, now - 60), bound), Valid, Valid),
            new("EdDSA by an Ed25519 sigAuth attribute", EthrWorld.Issue("issueVp", world.HolderEdAuthKey, "EdDSA", world.HolderDid, Vp(good, now - 60), bound), Valid, Valid),
            new("wrong audience", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now - 60), new JsonObject { ["domain"] = "https://elsewhere.example", ["challenge"] = Nonce }), "audience_mismatch", "audience_mismatch"),
            new("wrong nonce", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now - 60), new JsonObject { ["domain"] = Audience, ["challenge"] = "another-nonce" }), "nonce_mismatch", "nonce_mismatch"),
            new("no nonce", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now - 60), new JsonObject { ["domain"] = Audience }), "nonce_mismatch", "nonce_mismatch"),
            new("holder differs from signer", EthrWorld.Issue("issueVp", world.Stranger, "ES256K", world.HolderDid, Vp(good, now - 60), bound), "invalid_signature", "invalid_signature"),
            new("expired presentation", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now - 7200, now - 3600), bound), "expired", "expired"),
            new("presentation not yet valid", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(good, now + 3600), bound), "not_yet_valid", "not_yet_valid"),
            new("expired credential inside", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(expiredCredential, now - 60), bound), "expired", "expired"),
            new("tampered credential inside", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(Tamper(good), now - 60), bound), "invalid_signature", "invalid_signature"),
            // Stricter than did-jwt-vc, on purpose: it checks neither holder binding nor the authentication relationship.
            new("holder is not the credential's subject (did-jwt-vc does not check)", EthrWorld.Issue("issueVp", world.Holder, "ES256K", world.HolderDid, Vp(othersCredential, now - 60), bound), Valid, "holder_mismatch"),
            new("veriKey delegate signs for authentication (did-jwt-vc ignores proofPurpose)", EthrWorld.Issue("issueVp", world.HolderVeriKey, "ES256K", world.HolderDid, Vp(good, now - 60), bound), Valid, "key_not_authorized"),
        };

        var issued = await world.RunNodeAsync(cases.Select(c => c.Op));
        var tokens = issued.Select(Jwt).ToList();
        var theirs = await world.RunNodeAsync(tokens.Select(t => new JsonObject { ["op"] = "verifyVp", ["jwt"] = t, ["domain"] = Audience, ["challenge"] = Nonce }));
        var verifier = new PresentationVerifier(world.Resolver, new CredentialVerifier(world.Resolver));
        var ours = new List<string>();
        foreach (var token in tokens)
        {
            ours.Add(Verdict(await verifier.VerifyAsync(token, Audience, Nonce)));
        }

        AssertTable("presentation issued by did-jwt-vc", cases, theirs, ours);
    }

    [Fact]
    public async Task SignCredentialAndPresentation_OursWithDidEthrKeys_VerifyWithDidJwtVc()
    {
        using var world = await EthrWorld.CreateAsync(chain);
        var now = TimeProvider.System.GetUtcNow();
        var edMethod = await FindMethodAsync(world, world.EdIssuerDid, m => m.Type == VerificationMethodTypes.Ed25519VerificationKey2018);
        var delegateAddress = world.VeriKeyDelegate.PublicKey.ToEthereumAddress().ToString();
        var delegateMethod = await FindMethodAsync(world, world.DelegatorDid, m => m.Id.Contains("#delegate", StringComparison.Ordinal) && m.BlockchainAccountId?.EndsWith(delegateAddress, StringComparison.OrdinalIgnoreCase) == true);
        var holderEdMethod = await FindMethodAsync(world, world.HolderDid, m => m.Type == VerificationMethodTypes.Ed25519VerificationKey2018);

        var credentials = new (string Name, string Token)[]
        {
            ("VC, ES256K, kid #controller", VcJwt.SignCredential(Credential(world.IssuerDid, world.HolderDid, now), world.Issuer, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = world.IssuerDid + "#controller" })),
            ("VC, ES256K-R, kid #controller", VcJwt.SignCredential(Credential(world.IssuerDid, world.HolderDid, now), world.Issuer, SignatureAlgorithm.ES256KR, new JwtSigningOptions { KeyId = world.IssuerDid + "#controller" })),
            ("VC, EdDSA, kid of the Ed25519 attribute", VcJwt.SignCredential(Credential(world.EdIssuerDid, world.HolderDid, now), world.EdAssertionKey, SignatureAlgorithm.EdDSA, new JwtSigningOptions { KeyId = edMethod })),
            ("VC, ES256K, kid of the veriKey delegate", VcJwt.SignCredential(Credential(world.DelegatorDid, world.HolderDid, now), world.VeriKeyDelegate, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = delegateMethod })),
        };
        var presentations = new (string Name, string Token)[]
        {
            ("VP, ES256K, kid #controller", VcJwt.SignPresentation(VerifiablePresentation.Create(DataModelVersion.V1_1, world.HolderDid, [credentials[0].Token]), world.Holder, SignatureAlgorithm.ES256K, Bound(world.HolderDid + "#controller"))),
            ("VP, ES256K-R, kid #controller", VcJwt.SignPresentation(VerifiablePresentation.Create(DataModelVersion.V1_1, world.HolderDid, [credentials[1].Token, credentials[2].Token]), world.Holder, SignatureAlgorithm.ES256KR, Bound(world.HolderDid + "#controller"))),
            ("VP, EdDSA, kid of the sigAuth attribute", VcJwt.SignPresentation(VerifiablePresentation.Create(DataModelVersion.V1_1, world.HolderDid, [credentials[3].Token]), world.HolderEdAuthKey, SignatureAlgorithm.EdDSA, Bound(holderEdMethod))),
        };

        var theirs = await world.RunNodeAsync(
        [
            .. credentials.Select(c => new JsonObject { ["op"] = "verifyVc", ["jwt"] = c.Token }),
            .. presentations.Select(p => new JsonObject { ["op"] = "verifyVp", ["jwt"] = p.Token, ["domain"] = Audience, ["challenge"] = Nonce }),
        ]);
        var credentialVerifier = new CredentialVerifier(world.Resolver);
        var presentationVerifier = new PresentationVerifier(world.Resolver, credentialVerifier);
        var rows = new List<(string Name, string Theirs, string Ours)>();
        for (var i = 0; i < credentials.Length; i++)
        {
            rows.Add((credentials[i].Name, Classify(theirs[i]!), Verdict(await credentialVerifier.VerifyAsync(credentials[i].Token))));
        }

        for (var i = 0; i < presentations.Length; i++)
        {
            rows.Add((presentations[i].Name, Classify(theirs[credentials.Length + i]!), Verdict(await presentationVerifier.VerifyAsync(presentations[i].Token, Audience, Nonce))));
        }

        foreach (var row in rows)
        {
            output.WriteLine($"| issued by ours: {row.Name} | {row.Theirs} | {row.Ours} |");
        }

        var failures = rows.Where(r => r.Theirs != Valid || r.Ours != Valid).Select(r => $"{r.Name}: did-jwt-vc {r.Theirs}, ours {r.Ours}").ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    private static JwtSigningOptions Bound(string kid) => new() { KeyId = kid, Audience = [Audience], Nonce = Nonce };

    private static async Task<string> FindMethodAsync(EthrWorld world, string did, Func<VerificationMethod, bool> match)
    {
        var resolved = await world.Resolver.ResolveAsync(did);
        return resolved.DidDocument?.VerificationMethod?.FirstOrDefault(match)?.Id ?? throw new InvalidOperationException("No such method in " + resolved.ToJson());
    }

    internal static VerifiableCredential Credential(string issuer, string subject, DateTimeOffset now, JsonObject? status = null)
    {
        var json = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential", "HealthInsuranceCredential"),
            ["issuer"] = issuer,
            ["issuanceDate"] = VerifiableCredential.FormatDate(now.AddMinutes(-1)),
            ["credentialSubject"] = new JsonObject { ["id"] = subject, ["insurer"] = "ACME Health", ["memberId"] = "M-42" },
        };
        if (status is not null)
        {
            json["credentialStatus"] = status;
        }

        return VerifiableCredential.Create(json);
    }

    internal static JsonObject Vc(string subject, long nbf, long? exp = null)
    {
        var payload = new JsonObject
        {
            ["sub"] = subject,
            ["nbf"] = nbf,
            ["vc"] = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
                ["type"] = new JsonArray("VerifiableCredential", "HealthInsuranceCredential"),
                ["credentialSubject"] = new JsonObject { ["insurer"] = "ACME Health", ["memberId"] = "M-42" },
            },
        };
        if (exp is not null)
        {
            payload["exp"] = exp;
        }

        return payload;
    }

    private static JsonObject Vp(string credential, long nbf, long? exp = null)
    {
        var payload = new JsonObject
        {
            ["nbf"] = nbf,
            ["vp"] = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
                ["type"] = new JsonArray("VerifiablePresentation"),
                ["verifiableCredential"] = new JsonArray(credential),
            },
        };
        if (exp is not null)
        {
            payload["exp"] = exp;
        }

        return payload;
    }

    /// <summary>Changes a claim of the payload and keeps header and signature.</summary>
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlStrict.Decode(parts[1]))!.AsObject();
        payload["vc"]!["credentialSubject"]!["memberId"] = "M-43";
        return $"{parts[0]}.{Base64UrlStrict.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    private static string Jwt(JsonNode? issued) => issued?["jwt"]?.GetValue<string>() ?? throw new InvalidOperationException("did-jwt-vc issued nothing: " + issued?.ToJsonString());

    internal static string Verdict(VerificationResult result) => result.Verified ? Valid : result.Errors[0].Code.Value;

    /// <summary>did-jwt-vc's verdict in our vocabulary (its error prefixes and messages); unknown errors stay as written.</summary>
    internal static string Classify(JsonNode verdict)
    {
        if (verdict["verified"]?.GetValue<bool>() == true)
        {
            return Valid;
        }

        var message = verdict["error"]?.GetValue<string>() ?? "";
        return message switch
        {
            _ when message.Contains("invalid_signature", StringComparison.Ordinal) => "invalid_signature",
            _ when message.Contains("JWT has expired", StringComparison.Ordinal) => "expired",
            _ when message.Contains("not valid before nbf", StringComparison.Ordinal) || message.Contains("not valid yet", StringComparison.Ordinal) => "not_yet_valid",
            _ when message.Contains("audience does not match", StringComparison.Ordinal) || message.Contains("mandatory domain", StringComparison.Ordinal) => "audience_mismatch",
            _ when message.Contains("mandatory challenge", StringComparison.Ordinal) => "nonce_mismatch",
            _ when message.Contains("no_suitable_keys", StringComparison.Ordinal) => "no_suitable_keys",
            _ when message.Contains("resolver_error", StringComparison.Ordinal) => "resolver_error",
            _ => message,
        };
    }

    private void AssertTable(string what, List<Case> cases, JsonArray theirs, List<string> ours)
    {
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var reference = Classify(theirs[i]!);
            output.WriteLine($"| {what}: {cases[i].Name} | {reference} | {ours[i]} |");
            if (reference != cases[i].DidJwtVc || ours[i] != cases[i].Ours)
            {
                failures.Add($"{cases[i].Name}: did-jwt-vc {reference} (expected {cases[i].DidJwtVc}), ours {ours[i]} (expected {cases[i].Ours})");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record Case(string Name, JsonObject Op, string DidJwtVc, string Ours, Func<string, string>? Tamper = null);
}
