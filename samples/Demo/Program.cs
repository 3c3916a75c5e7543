using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.Shared.Verification;
using Identity.TestSupport.Chain;
using Microsoft.Extensions.DependencyInjection;

// The whole flow on a local chain, step by step: a patient did:ethr that holds no ether, managed through meta-transactions
// the hospital relays; a credential issued to it, presented to a clinic and verified; a key rotation, after which a
// presentation signed with the old key is refused.
using var chain = new AnvilFixture();
Step("Start a local Ethereum node (anvil) and deploy the ERC-1056 EthereumDIDRegistry");
await chain.InitializeAsync();
Say($"node {chain.RpcUrl}, chain id {chain.ChainId}, registry {chain.RegistryAddress}");

var services = new ServiceCollection()
    .AddDidResolution()
    .AddEthrDidResolution(o => o.Networks.Add(new EthrNetwork { Name = "dev", ChainId = chain.ChainId, RpcUrl = chain.RpcUrl, Registry = chain.RegistryAddress.ToString() }))
    .BuildServiceProvider();
var resolver = services.GetRequiredService<IDidResolver>();
var registry = services.GetRequiredService<EthrDidResolver>().GetRegistry("dev")!;

using var hospital = AnvilFixture.DevKey(1);
using var patientKey = PrivateKey.Generate(KeyType.Secp256k1);
using var phoneKey = PrivateKey.Generate(KeyType.Secp256k1);
var patient = patientKey.PublicKey.ToEthereumAddress();
var patientDid = EthrDid.Format(patient, "dev");

Step("Create the patient's did:ethr: a fresh secp256k1 key, nothing on chain yet");
Say($"patient DID {patientDid}");
await ShowAsync(patientDid);

Step("The patient adds a signing key (sigAuth delegate) for their phone; the hospital relays the signed meta-transaction and pays the gas");
var addPhone = await registry.SignAsync(new AddDelegateOperation(patient, "sigAuth", phoneKey.PublicKey.ToEthereumAddress(), 365 * 24 * 3600), patientKey);
var receipt = await registry.SendSignedAsync(addPhone, hospital);
Say($"transaction {receipt.TransactionHash} in block {receipt.BlockNumber}, sent by the hospital {receipt.From}");
var beforeRotation = receipt.BlockNumber;
await ShowAsync(patientDid);

var clinic = new PresentationVerifier(resolver, new CredentialVerifier(resolver));
var hospitalDid = EthrDid.Format(hospital.PublicKey.ToEthereumAddress(), "dev");
Step($"The hospital ({hospitalDid}) issues a PatientIdentityCredential to the patient (VC-JWT, ES256K, signed by its #controller)");
var credential = VcJwt.SignCredential(
    VerifiableCredential.Create(new JsonObject
    {
        ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
        ["type"] = new JsonArray("VerifiableCredential", "PatientIdentityCredential"),
        ["issuer"] = hospitalDid,
        ["issuanceDate"] = VerifiableCredential.FormatDate(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds())),
        ["credentialSubject"] = new JsonObject { ["id"] = patientDid, ["name"] = "Alice Example", ["birthDate"] = "1990-04-01" },
    }),
    hospital,
    SignatureAlgorithm.ES256K,
    new JwtSigningOptions { KeyId = hospitalDid + "#controller" });
Say($"credential {credential.Length} characters; no health data went on chain");

Step("The patient presents it to the clinic (audience and one-time nonce), signed with their own key; the clinic verifies");
Say(await PresentAsync(patientKey, "nonce-1"));

Step("The patient's key is lost: ownership rotates to a new key (meta-transaction signed by the old key, relayed by the hospital)");
using var newKey = PrivateKey.Generate(KeyType.Secp256k1);
var rotate = await registry.SignAsync(new ChangeOwnerOperation(patient, newKey.PublicKey.ToEthereumAddress()), patientKey);
receipt = await registry.SendSignedAsync(rotate, hospital);
Say($"transaction {receipt.TransactionHash} in block {receipt.BlockNumber}");
await ShowAsync(patientDid);

Step("A presentation signed with the old key is now refused; one signed with the new key is accepted");
Say("old key: " + await PresentAsync(patientKey, "nonce-2"));
Say("new key: " + await PresentAsync(newKey, "nonce-3"));

Step($"History stays resolvable: the document as of block {beforeRotation} still shows the old key");
await ShowAsync($"{patientDid}?versionId={beforeRotation}");

Step("Done; the local node stops");
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
        Say($"  {method.Id[(method.Id.IndexOf('#', StringComparison.Ordinal))..],-14} {method.Type} {method.BlockchainAccountId ?? method.PublicKeyHex}");
    }

    Say($"  versionId {result.DidDocumentMetadata.VersionId ?? "-"}, updated {result.DidDocumentMetadata.Updated?.ToString("u") ?? "-"}, nextVersionId {result.DidDocumentMetadata.NextVersionId ?? "-"}");
}

async Task<string> PresentAsync(PrivateKey holderKey, string nonce)
{
    var presentation = VcJwt.SignPresentation(
        VerifiablePresentation.Create(DataModelVersion.V1_1, patientDid, [credential]),
        holderKey,
        SignatureAlgorithm.ES256K,
        new JwtSigningOptions { KeyId = patientDid + "#controller", Audience = ["https://clinic.example"], Nonce = nonce });
    var result = await clinic.VerifyAsync(presentation, "https://clinic.example", nonce);
    return result.Verified
        ? $"verified: holder {result.Holder}, {string.Join('/', result.Credentials[0].Types)} from {result.Credentials[0].Issuer}, claims {result.Credentials[0].Claims}"
        : $"refused: {result.Errors[0].Code.Value} ({result.Errors[0].Message})";
}

static void Step(string text) => Console.WriteLine($"\n==> {text}");

static void Say(string text) => Console.WriteLine("    " + text);
