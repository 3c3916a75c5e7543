using System.Text;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.Shared.Jose;
using Identity.TestSupport.Chain;
using Microsoft.Extensions.DependencyInjection;

// The whole did:ethr flow on a local chain, step by step: a patient identity that holds no ether, managed through
// meta-transactions the hospital relays, a key rotation, and the old key refused afterwards.
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

Step("The patient signs a login token with their key; it verifies against the #controller of the document");
var token = JwsSigner.Sign(new JwsHeaderParameters { Type = "JWT" }, Encoding.UTF8.GetBytes("{\"iss\":\"" + patientDid + "\",\"aud\":\"https://clinic.example\"}"), patientKey, SignatureAlgorithm.ES256K);
Say($"old key accepted: {await SignedByControllerAsync(token)}");

Step("The patient's key is lost: ownership rotates to a new key (meta-transaction signed by the old key, relayed by the hospital)");
using var newKey = PrivateKey.Generate(KeyType.Secp256k1);
var rotate = await registry.SignAsync(new ChangeOwnerOperation(patient, newKey.PublicKey.ToEthereumAddress()), patientKey);
receipt = await registry.SendSignedAsync(rotate, hospital);
Say($"transaction {receipt.TransactionHash} in block {receipt.BlockNumber}");
await ShowAsync(patientDid);

Step("A token signed with the old key is now refused; one signed with the new key is accepted");
Say($"old key accepted: {await SignedByControllerAsync(token)}");
var fresh = JwsSigner.Sign(new JwsHeaderParameters { Type = "JWT" }, Encoding.UTF8.GetBytes("{\"iss\":\"" + patientDid + "\"}"), newKey, SignatureAlgorithm.ES256K);
Say($"new key accepted: {await SignedByControllerAsync(fresh)}");

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

// The recovered signer must be the account of the document's #controller (an address-only method).
async Task<bool> SignedByControllerAsync(string jws)
{
    var document = (await resolver.ResolveAsync(patientDid)).DidDocument!;
    var controller = document.FindVerificationMethod("#controller")!.BlockchainAccountId!.Split(':')[^1];
    var parsed = JwsCompact.Parse(jws);
    return parsed.RecoverSignerCandidates().Any(key => string.Equals(key.ToEthereumAddress().ToString(), controller, StringComparison.OrdinalIgnoreCase));
}

static void Step(string text) => Console.WriteLine($"\n==> {text}");

static void Say(string text) => Console.WriteLine("    " + text);
