using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;
using Identity.TestSupport;
using Identity.TestSupport.Chain;
using Microsoft.Extensions.DependencyInjection;

// The whole product on one machine, each step printed: a local chain with the ERC-1056 registry; the hospital's issuer
// service and a clinic's portal, each its own process; a patient did:ethr that holds no ether, managed through
// meta-transactions the hospital relays; credentials issued to it against a proof that the patient holds the key;
// presented to the portal, which signs the patient in with no account and no call to the hospital; a revocation; a key
// rotation on chain, after which a presentation signed with the old key is refused.
var work = Directory.CreateTempSubdirectory("identity-demo-");
using var chain = new AnvilFixture();
ServiceProcess? issuer = null;
ServiceProcess? portal = null;
try
{
    Step("Start a local Ethereum node (anvil) and deploy the ERC-1056 EthereumDIDRegistry");
    await chain.InitializeAsync();
    Say($"node {chain.RpcUrl}, chain id {chain.ChainId}, registry {chain.RegistryAddress}");
    string[] network =
    [
        "--Identity:Ethr:Networks:0:Name=dev", $"--Identity:Ethr:Networks:0:ChainId={chain.ChainId}",
        $"--Identity:Ethr:Networks:0:RpcUrl={chain.RpcUrl}", $"--Identity:Ethr:Networks:0:Registry={chain.RegistryAddress}",
    ];

    // An observer's resolver, to show what the chain says; the services resolve on their own.
    var services = new ServiceCollection()
        .AddDidResolution()
        .AddEthrDidResolution(o => o.Networks.Add(new EthrNetwork { Name = "dev", ChainId = chain.ChainId, RpcUrl = chain.RpcUrl, Registry = chain.RegistryAddress.ToString() }))
        .BuildServiceProvider();
    var resolver = services.GetRequiredService<IDidResolver>();
    var registry = services.GetRequiredService<EthrDidResolver>().GetRegistry("dev")!;

    using var hospitalKey = AnvilFixture.DevKey(1);
    var hospitalDid = EthrDid.Format(hospitalKey.PublicKey.ToEthereumAddress(), "dev");
    Step($"Start the hospital's issuer service: DID {hospitalDid}, its key in an encrypted V3 key file, SQLite in a data folder");
    var keyFile = Path.Combine(work.FullName, "hospital-key.json");
    var keyPassword = Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(24));
    await File.WriteAllTextAsync(keyFile, KeyStoreJson.EncryptV3(hospitalKey, System.Text.Encoding.UTF8.GetBytes(keyPassword)));
    var apiKey = Base64UrlStrict.Encode(RandomNumberGenerator.GetBytes(32));
    var issuerPort = LoopbackPort.Free();
    issuer = await ServiceProcess.StartAsync(
        "issuer",
        ServiceProcess.BuildOutput("src/Issuer", "Identity.Issuer.dll"),
        issuerPort,
        [
            $"--Issuer:PublicBaseUrl=http://127.0.0.1:{issuerPort}/", $"--Issuer:Did={hospitalDid}",
            $"--Issuer:Keys:0:File={keyFile}", "--Issuer:Keys:0:PasswordEnvironmentVariable=DEMO_ISSUER_KEY_PASSWORD",
            $"--Issuer:Keys:0:KeyId={hospitalDid}#controller", "--Issuer:Keys:0:Active=true",
            $"--Issuer:Storage:DataDirectory={Path.Combine(work.FullName, "issuer-data")}",
            "--Issuer:Auth:ApiKeys:0:Name=records-system", $"--Issuer:Auth:ApiKeys:0:Sha256={Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)))}",
            "--Issuer:Auth:ApiKeys:0:Roles:0=issuer.issue", "--Issuer:Auth:ApiKeys:0:Roles:1=issuer.status", "--Issuer:Auth:ApiKeys:0:Roles:2=issuer.read",
            // A revocation should reach the portal at once in a demo; a hospital would publish with a short max-age instead.
            "--Issuer:StatusListMaxAge=00:00:00",
            .. network,
        ],
        "/health",
        work.FullName,
        new Dictionary<string, string> { ["DEMO_ISSUER_KEY_PASSWORD"] = keyPassword });
    Say($"issuer at {issuer.BaseUrl} (log {issuer.LogPath}); the staff system holds an API key, the service only its SHA-256");

    var portalPort = LoopbackPort.Free();
    var portalAudience = $"http://127.0.0.1:{portalPort}";
    Step("Start the clinic's portal: the verifier middleware trusts the hospital's DID and nothing else; no account store");
    portal = await ServiceProcess.StartAsync(
        "portal",
        ServiceProcess.BuildOutput("samples/ClinicPortal", "ClinicPortal.dll"),
        portalPort,
        [$"--Portal:Audience={portalAudience}", $"--Portal:TrustedIssuers:0={hospitalDid}", "--Identity:StatusLists:AllowHttp=true", .. network],
        "/signin",
        work.FullName);
    Say($"portal at {portal.BaseUrl} (log {portal.LogPath})");

    using var patientKey = PrivateKey.Generate(KeyType.Secp256k1);
    using var phoneKey = PrivateKey.Generate(KeyType.Secp256k1);
    var patient = patientKey.PublicKey.ToEthereumAddress();
    var patientDid = EthrDid.Format(patient, "dev");
    Step("Create the patient's did:ethr: a fresh secp256k1 key in the wallet, nothing on chain yet, no ether");
    Say($"patient DID {patientDid}");
    await ShowAsync(patientDid);

    Step("The patient adds a signing key (sigAuth delegate) for their phone; the hospital relays the signed meta-transaction and pays the gas");
    var receipt = await registry.SendSignedAsync(await registry.SignAsync(new AddDelegateOperation(patient, "sigAuth", phoneKey.PublicKey.ToEthereumAddress(), 365 * 24 * 3600), patientKey), hospitalKey);
    Say($"transaction {receipt.TransactionHash} in block {receipt.BlockNumber}, sent by the hospital {receipt.From}");
    var beforeRotation = receipt.BlockNumber;
    await ShowAsync(patientDid);

    using var staff = new HttpClient { BaseAddress = issuer.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    staff.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    Step("The hospital issues three credentials; for each, the patient's wallet first proves it holds the DID's key (a presentation over the issuer's one-time nonce)");
    var identity = await IssueAsync("PatientIdentityCredential", Fhir("""
        { "resourceType": "Patient",
          "identifier": [ { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR" } ] }, "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "MRN-48213" } ],
          "name": [ { "use": "official", "family": "Example", "given": [ "Alice" ] } ], "gender": "female", "birthDate": "1990-04-01" }
        """));
    var insurance = await IssueAsync("HealthInsuranceCredential", Fhir("""
        { "resourceType": "Coverage", "status": "active", "subscriberId": "XH-20931",
          "beneficiary": { "display": "the credential's subject" }, "payor": [ { "display": "Example Health Mutual" } ],
          "period": { "start": "2026-01-01", "end": "2027-12-31" } }
        """));
    var observedAt = TimeProvider.System.GetUtcNow().AddDays(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
    var bloodPressure = await IssueAsync("BiometricObservationCredential", Fhir($$"""
        { "resourceType": "Observation", "status": "final",
          "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" } ] } ],
          "code": { "coding": [ { "system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel" } ] },
          "effectiveDateTime": "{{observedAt}}", "device": { "display": "Home blood pressure monitor" },
          "component": [
            { "code": { "coding": [ { "system": "http://loinc.org", "code": "8480-6" } ] }, "valueQuantity": { "value": 118, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" } },
            { "code": { "coding": [ { "system": "http://loinc.org", "code": "8462-4" } ] }, "valueQuantity": { "value": 76, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" } } ] }
        """));
    string[] wallet = [identity.Token, insurance.Token, bloodPressure.Token];
    Say("no health data went on chain; the issuer stored ids, types, status indexes and hashes, not the claims");

    Step("Sign in at the portal: the wallet fetches a challenge, presents all three credentials, the portal verifies them once and sets a cookie");
    using var api = new HttpClient { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    var cookies = new CookieContainer();
    using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    var presentation = await PresentAsync(patientKey, wallet);
    Say(await ExpectAsync(await SendAsync(browser, HttpMethod.Post, "/auth/signin", presentation), HttpStatusCode.OK));
    foreach (var page in new[] { "/api/me", "/api/insurance", "/api/adult-services", "/api/vitals" })
    {
        Say($"GET {page} with the cookie: " + await ExpectAsync(await browser.GetAsync(page), HttpStatusCode.OK));
    }

    Step("The same presentation sent again is refused: its nonce was used");
    Say(await ExpectAsync(await SendAsync(api, HttpMethod.Get, "/api/insurance", presentation), HttpStatusCode.Unauthorized, "nonce_replayed"));

    Step("The hospital revokes the insurance credential (status list bit set; the portal fetches the signed list, no call about this patient)");
    using (var revoke = await staff.PostAsJsonAsync($"/credentials/{Uri.EscapeDataString(insurance.Id)}/status", new JsonObject { ["action"] = "revoke", ["reason"] = "policy_cancelled" }))
    {
        Say("issuer: " + await ExpectAsync(revoke, HttpStatusCode.OK));
    }

    Say("GET /api/insurance with a fresh presentation: " + await ExpectAsync(await SendAsync(api, HttpMethod.Get, "/api/insurance", await PresentAsync(patientKey, wallet)), HttpStatusCode.Unauthorized, "revoked"));
    string[] current = [identity.Token, bloodPressure.Token];
    Say("GET /api/vitals without the revoked credential: " + await ExpectAsync(await SendAsync(api, HttpMethod.Get, "/api/vitals", await PresentAsync(patientKey, current)), HttpStatusCode.OK));

    Step("The patient's key is lost: ownership rotates to a new key (meta-transaction signed by the old key, relayed by the hospital)");
    using var newKey = PrivateKey.Generate(KeyType.Secp256k1);
    receipt = await registry.SendSignedAsync(await registry.SignAsync(new ChangeOwnerOperation(patient, newKey.PublicKey.ToEthereumAddress()), patientKey), hospitalKey);
    Say($"transaction {receipt.TransactionHash} in block {receipt.BlockNumber}");
    await ShowAsync(patientDid);

    Step("A presentation signed with the old key is now refused by the portal; one signed with the new key is accepted (same DID, same credentials)");
    Say("old key: " + await ExpectAsync(await SendAsync(api, HttpMethod.Get, "/api/me", await PresentAsync(patientKey, current)), HttpStatusCode.Unauthorized, "invalid_signature"));
    Say("new key: " + await ExpectAsync(await SendAsync(api, HttpMethod.Get, "/api/me", await PresentAsync(newKey, current)), HttpStatusCode.OK));

    Step($"History stays resolvable: the document as of block {beforeRotation} still shows the old key");
    await ShowAsync($"{patientDid}?versionId={beforeRotation}");

    Step("Done; the services and the local node stop");
    return 0;

    async Task ShowAsync(string did)
    {
        var result = await resolver.ResolveAsync(did);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"resolution failed: {result.DidResolutionMetadata.Error} {result.DidResolutionMetadata.Message}");
        }

        Say("resolved " + did);
        foreach (var method in result.DidDocument!.VerificationMethod ?? [])
        {
            Say($"  {method.Id[method.Id.IndexOf('#', StringComparison.Ordinal)..],-14} {method.Type} {method.BlockchainAccountId ?? method.PublicKeyHex}");
        }

        Say($"  versionId {result.DidDocumentMetadata.VersionId ?? "-"}, updated {result.DidDocumentMetadata.Updated?.ToString("u") ?? "-"}, nextVersionId {result.DidDocumentMetadata.NextVersionId ?? "-"}");
    }

    async Task<(string Id, string Token)> IssueAsync(string type, JsonObject claims)
    {
        using var nonceResponse = await staff.PostAsync("/nonce", null);
        var nonce = await ReadObjectAsync(nonceResponse, "POST /nonce");
        var proof = VcJwt.SignPresentation(
            VerifiablePresentation.Create(DataModelVersion.V1_1, patientDid, []),
            patientKey,
            SignatureAlgorithm.ES256K,
            new JwtSigningOptions { KeyId = patientDid + "#controller", Audience = [(string)nonce["audience"]!], Nonce = (string)nonce["nonce"]! });
        using var response = await staff.PostAsJsonAsync("/credentials", new JsonObject
        {
            ["subject"] = patientDid,
            ["type"] = type,
            ["claims"] = claims,
            ["format"] = "vc1-jwt",
            ["holderProof"] = proof,
        });
        var issued = await ReadObjectAsync(response, "POST /credentials");
        var status = issued["status"]!;
        Say($"{type}: {issued["id"]}, status list {status["listNumber"] ?? status["list"]} index {status["index"]}, {((string)issued["credential"]!).Length} characters");
        return ((string)issued["id"]!, (string)issued["credential"]!);
    }

    async Task<string> PresentAsync(PrivateKey holderKey, IReadOnlyList<string> credentials)
    {
        // What `identity vp create --challenge <portal>/auth/challenge` does: one fresh challenge per presentation.
        var challenge = await ReadObjectAsync(await api.GetAsync("/auth/challenge"), "GET /auth/challenge");
        return VcJwt.SignPresentation(
            VerifiablePresentation.Create(DataModelVersion.V1_1, patientDid, credentials),
            holderKey,
            SignatureAlgorithm.ES256K,
            new JwtSigningOptions { KeyId = patientDid + "#controller", Audience = [(string)challenge["audience"]!], Nonce = (string)challenge["nonce"]! });
    }
}
finally
{
    if (portal is not null)
    {
        await portal.DisposeAsync();
    }

    if (issuer is not null)
    {
        await issuer.DisposeAsync();
    }

    work.Delete(recursive: true);
}

static JsonObject Fhir(string json) => JsonNode.Parse(json)!.AsObject();

static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string presentation)
{
    var request = new HttpRequestMessage(method, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", presentation);
    return client.SendAsync(request);
}

static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, string what)
{
    using (response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || JsonNode.Parse(body) is not JsonObject json)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {body}");
        }

        return json;
    }
}

// Prints what came back and stops the demo when it is not what this step shows (so a CI run of the demo checks it).
static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string? expectedError = null)
{
    using (response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var challenge = response.Headers.WwwAuthenticate.ToString();
        var shown = $"{(int)response.StatusCode} {response.StatusCode}"
            + (challenge.Length > 0 ? $" — WWW-Authenticate: {challenge}" : string.Empty)
            + (body.Length > 0 ? $" — {(body.Length > 400 ? body[..400] + "…" : body)}" : string.Empty);
        if (response.StatusCode != expected || (expectedError is not null && !challenge.Contains("#" + expectedError + "\"", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"expected {(int)expected}{(expectedError is null ? "" : " " + expectedError)}, got {shown}");
        }

        return shown;
    }
}

static void Step(string text) => Console.WriteLine($"\n==> {text}");

static void Say(string text) => Console.WriteLine("    " + text);
