using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Identity.Issuer.Storage;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// The issuer's HTTP API end to end, run once per store (SQLite, PostgreSQL): issue → verify with the engine →
/// revoke → revoked; suspend → suspended → reinstate → verifies; authentication and roles; every kind of bad
/// input answered 400 with its code; parallel issuance hands out distinct status entries.
/// </summary>
public abstract class IssuerApiSuite<THost>(THost host)
    where THost : IssuerApiHost
{
    protected THost Host { get; } = host;

    [Theory]
    [InlineData("vc1-jwt", "ES256K")]
    [InlineData("vc1-jwt", "EdDSA")]
    [InlineData("vc2-jwt", "ES256K")]
    [InlineData("vc2-jwt", "EdDSA")]
    public async Task Issue_ThenRevoke_VerifiesThenFailsRevoked(string format, string algorithm)
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var issued = await IssueWithProofAsync(patient, format, algorithm);
        var token = issued["credential"]!.GetValue<string>();

        var before = await Host.VerifyAsync(token);
        Assert.True(before.Verified, string.Join(", ", before.Errors));
        Assert.Equal(IssuerApiHost.Did(patient), before.Credentials[0].Subject);

        var revoked = await ChangeStatusAsync(issued, "revoke", "issued_in_error");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var after = await Host.VerifyAsync(token);
        Assert.False(after.Verified);
        Assert.Equal(VerificationErrorCode.Revoked, after.Errors[0].Code);

        // A revoked credential stays revoked.
        var reinstate = await ChangeStatusAsync(issued, "reinstate", null);
        await AssertProblemAsync(reinstate, HttpStatusCode.Conflict, "status_change_not_allowed");
    }

    [Fact]
    public async Task Issue_WithHolderProofFromDidJwtVc_VerifiesWithDidJwtVc()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var subject = IssuerApiHost.Did(patient);
        var nonce = await Host.NonceAsync();
        var proofResult = await Host.RunNodeAsync(
        [
            new JsonObject
            {
                ["op"] = "issueVp",
                ["alg"] = "ES256K",
                ["key"] = Hex.Encode(patient.ExportRaw()),
                ["did"] = subject,
                ["payload"] = new JsonObject
                {
                    ["vp"] = new JsonObject
                    {
                        ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
                        ["type"] = new JsonArray("VerifiablePresentation"),
                    },
                },
                ["domain"] = IssuerApiHost.Audience,
                ["challenge"] = nonce,
            },
        ]);
        var proof = proofResult[0]!["jwt"]!.GetValue<string>();

        using var client = Host.Client(IssuerApiHost.IssueKey);
        using var es256k = await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(subject, proof, "vc1-jwt", "ES256K"));
        Assert.Equal(HttpStatusCode.Created, es256k.StatusCode);
        var ed25519 = await IssueWithProofAsync(patient, "vc1-jwt", "EdDSA");

        var tokens = new[] { (await es256k.Content.ReadFromJsonAsync<JsonObject>())!["credential"]!.GetValue<string>(), ed25519["credential"]!.GetValue<string>() };
        var verified = await Host.RunNodeAsync(tokens.Select(t => new JsonObject { ["op"] = "verifyVc", ["jwt"] = t }));
        Assert.Equal(Host.IssuerDid + "#controller", verified[0]!["signer"]?.GetValue<string>() ?? verified[0]!.ToJsonString());
        Assert.Equal(Host.IssuerDid + "#delegate-1", verified[1]!["signer"]?.GetValue<string>() ?? verified[1]!.ToJsonString());
    }

    [Fact]
    public async Task Suspend_ThenReinstate_VerifiesAgain()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var issued = await IssueWithProofAsync(patient, "vc2-jwt", "EdDSA");
        var token = issued["credential"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await ChangeStatusAsync(issued, "suspend", "lost_device")).StatusCode);
        var suspended = await Host.VerifyAsync(token);
        Assert.Equal(VerificationErrorCode.Suspended, Assert.Single(suspended.Errors).Code);

        Assert.Equal(HttpStatusCode.OK, (await ChangeStatusAsync(issued, "reinstate", null)).StatusCode);
        var reinstated = await Host.VerifyAsync(token);
        Assert.True(reinstated.Verified, string.Join(", ", reinstated.Errors));

        using var reader = Host.Client(IssuerApiHost.ReadKey);
        var metadata = await reader.GetFromJsonAsync<JsonObject>(CredentialUrl(issued));
        Assert.Equal("active", metadata!["state"]!.GetValue<string>());
        var history = metadata["history"]!.AsArray().Select(h => h!["state"]!.GetValue<string>()).ToArray();
        Assert.Equal(["suspended", "active"], history);
        Assert.DoesNotContain("Chalmers", metadata.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_AuditLog_RecordsWhoAndWhatWithoutHealthData()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var issued = await IssueWithProofAsync(patient, "vc1-jwt", "ES256K");
        await ChangeStatusAsync(issued, "suspend", "lost_device");

        var store = Host.Factory.Services.GetRequiredService<IIssuerStore>();
        var audit = await store.ReadAuditAsync(issued["id"]!.GetValue<string>());
        Assert.Equal(["issue", "suspend"], audit.Select(a => a.Action).ToArray());
        Assert.Equal(["ward-system", "records-office"], audit.Select(a => a.Actor).ToArray());
        Assert.All(audit, a => Assert.DoesNotContain("Chalmers", a.Detail ?? string.Empty, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("1974", a.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_WithoutCredentials_Is401Problem()
    {
        using var anonymous = Host.Client(null);
        await AssertProblemAsync(await anonymous.PostAsync(new Uri("/nonce", UriKind.Relative), null), HttpStatusCode.Unauthorized, "unauthenticated");
        await AssertProblemAsync(await anonymous.PostAsJsonAsync("/credentials", new JsonObject()), HttpStatusCode.Unauthorized, "unauthenticated");

        using var wrongKey = Host.Client("not-a-configured-key");
        await AssertProblemAsync(await wrongKey.PostAsync(new Uri("/nonce", UriKind.Relative), null), HttpStatusCode.Unauthorized, "unauthenticated");

        using var forged = Host.BearerClient(BearerToken(["issuer.issue"], RandomSecret()));
        await AssertProblemAsync(await forged.PostAsync(new Uri("/nonce", UriKind.Relative), null), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Endpoints_WithWrongRole_Are403Problem()
    {
        using var noRole = Host.Client(IssuerApiHost.NoRoleKey);
        await AssertProblemAsync(await noRole.PostAsync(new Uri("/nonce", UriKind.Relative), null), HttpStatusCode.Forbidden, "forbidden");

        using var reader = Host.Client(IssuerApiHost.ReadKey);
        await AssertProblemAsync(await reader.PostAsJsonAsync("/credentials", new JsonObject()), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await reader.PostAsJsonAsync("/credentials/urn:uuid:x/status", new JsonObject { ["action"] = "revoke" }), HttpStatusCode.Forbidden, "forbidden");

        using var issuer = Host.Client(IssuerApiHost.IssueKey);
        await AssertProblemAsync(await issuer.GetAsync(new Uri("/credentials/urn:uuid:x", UriKind.Relative)), HttpStatusCode.Forbidden, "forbidden");

        using var bearerReader = Host.BearerClient(BearerToken(["issuer.read"], Host.JwtSecret));
        await AssertProblemAsync(await bearerReader.PostAsync(new Uri("/nonce", UriKind.Relative), null), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Issue_WithBearerTokenOfTheIdp_IsAccepted()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        using var client = Host.BearerClient(BearerToken(["issuer.issue"], Host.JwtSecret));
        using var nonceResponse = await client.PostAsync(new Uri("/nonce", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, nonceResponse.StatusCode);
        var nonce = (await nonceResponse.Content.ReadFromJsonAsync<JsonObject>())!["nonce"]!.GetValue<string>();

        using var response = await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), IssuerApiHost.HolderProof(patient, nonce)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var record = await Host.Factory.Services.GetRequiredService<IIssuerStore>().FindCredentialAsync(id);
        Assert.Equal("nurse-7", record!.IssuedBy);
    }

    [Theory]
    [MemberData(nameof(IssuerApiCases.BadRequests), MemberType = typeof(IssuerApiCases))]
    public async Task Issue_BadInput_Is400WithCode(string scenario, string code)
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        using var stranger = PrivateKey.Generate(KeyType.Secp256k1);
        var subject = IssuerApiHost.Did(patient);
        var nonce = await Host.NonceAsync();
        var body = IssuerApiHost.PatientRequest(subject, IssuerApiHost.HolderProof(patient, nonce));
        switch (scenario)
        {
            case "unknown type": body["type"] = "LibraryCardCredential"; break;
            case "claims failing the schema": body["claims"]!["favouriteColour"] = "blue"; break;
            case "invalid FHIR": body["claims"]!["birthDate"] = "1974-13-25"; break;
            case "malformed DID": body["subject"] = "did:ethr:not-an-address!"; break;
            case "unknown format": body["format"] = "ldp_vc"; break;
            case "unknown algorithm": body["algorithm"] = "RS256"; break;
            case "validity reversed": body["validFrom"] = "2030-01-01T00:00:00Z"; body["validUntil"] = "2029-01-01T00:00:00Z"; break;
            case "validity without zone": body["validUntil"] = "2030-01-01T00:00:00"; break;
            case "unknown member": body["colour"] = "blue"; break;
            case "claims not an object": body["claims"] = "Peter"; break;
            case "no holder proof": body.Remove("holderProof"); break;
            case "holder proof not a JWT": body["holderProof"] = "not.a.jwt"; break;
            case "holder proof signed by another key":
                body["holderProof"] = IssuerApiHost.HolderProof(stranger, nonce, holder: subject);
                break;
            case "holder proof by another DID": body["holderProof"] = IssuerApiHost.HolderProof(stranger, nonce); break;
            case "holder proof for another audience": body["holderProof"] = IssuerApiHost.HolderProof(patient, nonce, audience: "https://elsewhere.example"); break;
            case "nonce never issued": body["holderProof"] = IssuerApiHost.HolderProof(patient, Base64UrlStrict.Encode(new byte[32])); break;
            case "evidence with biometric data":
                body["evidence"] = new JsonObject { ["type"] = new JsonArray("DocumentVerification"), ["faceTemplate"] = Base64UrlStrict.Encode(new byte[600]) };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario));
        }

        using var client = Host.Client(IssuerApiHost.IssueKey);
        await AssertProblemAsync(await client.PostAsJsonAsync("/credentials", body), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Issue_ReplayedNonce_Is400NonceInvalid()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var nonce = await Host.NonceAsync();
        var proof = IssuerApiHost.HolderProof(patient, nonce);
        using var client = Host.Client(IssuerApiHost.IssueKey);
        using var first = await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), proof));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await AssertProblemAsync(await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), proof)), HttpStatusCode.BadRequest, "nonce_invalid");
    }

    [Fact]
    public async Task Issue_ExpiredNonce_Is400NonceInvalid()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var nonce = await Host.NonceAsync();
        var proof = IssuerApiHost.HolderProof(patient, nonce);
        using var client = Host.Client(IssuerApiHost.IssueKey);
        Host.Time.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        try
        {
            await AssertProblemAsync(await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), proof)), HttpStatusCode.BadRequest, "nonce_invalid");
        }
        finally
        {
            Host.Time.Offset = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("oversized body", "request_too_large", HttpStatusCode.BadRequest)]
    [InlineData("oversized chunked body", "request_too_large", HttpStatusCode.BadRequest)]
    [InlineData("not JSON", "malformed_request", HttpStatusCode.BadRequest)]
    [InlineData("duplicate member", "malformed_request", HttpStatusCode.BadRequest)]
    [InlineData("JSON array", "malformed_request", HttpStatusCode.BadRequest)]
    [InlineData("not application/json", "unsupported_media_type", HttpStatusCode.UnsupportedMediaType)]
    public async Task Issue_BadBody_IsProblemWithCode(string scenario, string code, HttpStatusCode status)
    {
        HttpContent content = scenario switch
        {
            "oversized body" => new StringContent("{\"subject\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json"),
            "oversized chunked body" => new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"subject\":\"" + new string('a', 70_000) + "\"}"))),
            "not JSON" => new StringContent("{\"subject\":", Encoding.UTF8, "application/json"),
            "duplicate member" => new StringContent("{\"subject\":\"did:ethr:0x1\",\"subject\":\"did:ethr:0x2\"}", Encoding.UTF8, "application/json"),
            "JSON array" => new StringContent("[]", Encoding.UTF8, "application/json"),
            _ => new StringContent("subject=did", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (scenario == "oversized chunked body")
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        using (content)
        {
            using var client = Host.Client(IssuerApiHost.IssueKey);
            await AssertProblemAsync(await client.PostAsync(new Uri("/credentials", UriKind.Relative), content), status, code);
        }
    }

    [Fact]
    public async Task Issue_WaiverWithoutProofingRole_Is403AndWithItIssues()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var body = IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), null);
        body["waiveHolderProof"] = true;

        using var ward = Host.Client(IssuerApiHost.IssueKey);
        await AssertProblemAsync(await ward.PostAsJsonAsync("/credentials", body), HttpStatusCode.Forbidden, "waiver_not_allowed");

        using var frontDesk = Host.Client(IssuerApiHost.ProofingKey);
        using var response = await frontDesk.PostAsJsonAsync("/credentials", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((await Host.VerifyAsync(issued!["credential"]!.GetValue<string>())).Verified);
    }

    [Fact]
    public async Task Issue_ThousandInParallel_DistinctStatusIndexes()
    {
        using var frontDesk = Host.Client(IssuerApiHost.ProofingKey);
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var body = IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), null, algorithm: "EdDSA");
        body["waiveHolderProof"] = true;
        var text = body.ToJsonString();

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            using var content = new StringContent(text, Encoding.UTF8, "application/json");
            using var response = await frontDesk.PostAsync(new Uri("/credentials", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var status = (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!;
            return (status["list"]!.GetValue<int>(), status["index"]!.GetValue<int>());
        }));

        Assert.Equal(1000, results.Distinct().Count());
    }

    [Fact]
    public async Task Batch_MixedRequests_EachAnsweredOnItsOwn()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var good = IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), null);
        good["waiveHolderProof"] = true;
        var bad = IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), null);
        bad["waiveHolderProof"] = true;
        bad["type"] = "LibraryCardCredential";

        using var frontDesk = Host.Client(IssuerApiHost.ProofingKey);
        using var response = await frontDesk.PostAsJsonAsync("/credentials/batch", new JsonObject { ["requests"] = new JsonArray(good, bad, good.DeepClone()) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal([201, 400, 201], results.Select(r => r!["status"]!.GetValue<int>()).ToArray());
        Assert.Equal("unknown_type", results[1]!["problem"]!["code"]!.GetValue<string>());

        await AssertProblemAsync(await frontDesk.PostAsJsonAsync("/credentials/batch", new JsonObject { ["requests"] = new JsonArray() }), HttpStatusCode.BadRequest, "batch_too_large");
    }

    [Fact]
    public async Task StatusList_IsCacheableWithETagAnd304()
    {
        using var patient = PrivateKey.Generate(KeyType.Secp256k1);
        var issued = await IssueWithProofAsync(patient, "vc1-jwt", "ES256K");
        var url = new Uri(issued["status"]!["revocationListCredential"]!.GetValue<string>());
        using var client = Host.Client(null);

        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vc+jwt", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl!.MaxAge);
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await ChangeStatusAsync(issued, "revoke", null);
        using var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);

        await AssertProblemAsync(await client.GetAsync(new Uri("/status-lists/999-revocation", UriKind.Relative)), HttpStatusCode.NotFound, "status_list_not_found");
        await AssertProblemAsync(await client.GetAsync(new Uri("/status-lists/1-refresh", UriKind.Relative)), HttpStatusCode.NotFound, "status_list_not_found");
    }

    [Fact]
    public async Task StatusChange_BadInput_IsProblemWithCode()
    {
        using var client = Host.Client(IssuerApiHost.StatusKey);
        await AssertProblemAsync(await client.PostAsJsonAsync("/credentials/urn:uuid:00000000-0000-0000-0000-000000000000/status", new JsonObject { ["action"] = "revoke" }), HttpStatusCode.NotFound, "credential_not_found");
        await AssertProblemAsync(await client.PostAsJsonAsync("/credentials/urn:uuid:x/status", new JsonObject { ["action"] = "delete" }), HttpStatusCode.BadRequest, "invalid_status_action");
        await AssertProblemAsync(await client.PostAsJsonAsync("/credentials/urn:uuid:x/status", new JsonObject { ["action"] = "revoke", ["reason"] = "Patient has HIV" }), HttpStatusCode.BadRequest, "invalid_reason");
    }

    [Fact]
    public async Task ServiceEndpoints_OpenApiAndHealth_Answer()
    {
        using var client = Host.Client(null);
        var openApi = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = openApi!["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Contains("/credentials", paths);
        Assert.Contains("/credentials/{id}/status", paths);
        Assert.Contains("/status-lists/{id}", paths);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        await AssertProblemAsync(await client.GetAsync(new Uri("/.well-known/did.json", UriKind.Relative)), HttpStatusCode.NotFound, "did_document_not_found");
        var schema = await client.GetFromJsonAsync<JsonObject>("/schemas/PatientIdentityCredential.json");
        Assert.Equal("object", schema!["type"]!.GetValue<string>());
    }

    protected async Task<JsonObject> IssueWithProofAsync(PrivateKey patient, string format, string algorithm)
    {
        var nonce = await Host.NonceAsync();
        using var client = Host.Client(IssuerApiHost.IssueKey);
        using var response = await client.PostAsJsonAsync("/credentials", IssuerApiHost.PatientRequest(IssuerApiHost.Did(patient), IssuerApiHost.HolderProof(patient, nonce), format, algorithm));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.NotNull(response.Headers.Location);
        return JsonNode.Parse(body)!.AsObject();
    }

    protected async Task<HttpResponseMessage> ChangeStatusAsync(JsonObject issued, string action, string? reason)
    {
        using var client = Host.Client(IssuerApiHost.StatusKey);
        var body = new JsonObject { ["action"] = action };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        return await client.PostAsJsonAsync(CredentialUrl(issued) + "/status", body);
    }

    protected static string CredentialUrl(JsonObject issued) => "/credentials/" + Uri.EscapeDataString(issued["id"]!.GetValue<string>());

    protected static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(text)!;
            Assert.Equal(code, problem["code"]!.GetValue<string>());
            Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        }
    }

    private static byte[] RandomSecret() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private static string BearerToken(string[] roles, byte[] secret)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = IssuerApiHost.JwtIssuer,
            Audience = IssuerApiHost.JwtAudience,
            Claims = new Dictionary<string, object> { ["sub"] = "nurse-7", ["roles"] = roles },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(secret), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }
}
