using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Dids.Ethr;
using Identity.Shared.Ethereum;
using Identity.TestSupport.Chain;

namespace Identity.Verifier.Tests;

/// <summary>
/// The portal configured for a did:ethr chain (Identity:Ethr:Networks from settings, as an operator would) against
/// anvil with the real ERC-1056 registry: a hospital's did:ethr credential presented by a patient's did:ethr is
/// accepted; after the patient's key is rotated on chain, a presentation signed with the old key is refused.
/// </summary>
[Collection(AnvilFixture.Collection)]
[Trait("Category", "Chain")]
public sealed class EthrPortalTests(AnvilFixture chain) : IDisposable
{
    private const string Network = "dev";

    private readonly TestWorld world = new();
    private readonly PrivateKey newPatientKey = PrivateKey.Generate(KeyType.Secp256k1);

    [Fact]
    public async Task Authenticate_EthrIdentities_AcceptedThenRefusedAfterKeyRotation()
    {
        var hospitalDid = EthrDid.Format(world.Hospital.PublicKey.ToEthereumAddress(), Network);
        var patientDid = EthrDid.Format(world.Patient.PublicKey.ToEthereumAddress(), Network);
        using var portal = new PortalFactory(settings:
        [
            new("Identity:Ethr:Networks:0:Name", Network),
            new("Identity:Ethr:Networks:0:ChainId", chain.ChainId.ToString(CultureInfo.InvariantCulture)),
            new("Identity:Ethr:Networks:0:RpcUrl", chain.RpcUrl.ToString()),
            new("Identity:Ethr:Networks:0:Registry", chain.RegistryAddress.ToString()),
            new("Portal:TrustedIssuers:0", hospitalDid),
        ]);
        using var client = portal.CreateClient();
        var credential = world.Issue("PatientIdentityCredential", TestWorld.PatientClaims(), subject: patientDid, issuerDid: hospitalDid);

        var (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using (var accepted = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [credential], holderDid: patientDid)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(patientDid, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holder").GetString());
        }

        var registry = chain.CreateRegistry();
        var rotation = await registry.SignAsync(new ChangeOwnerOperation(world.Patient.PublicKey.ToEthereumAddress(), newPatientKey.PublicKey.ToEthereumAddress()), world.Patient);
        await registry.SendSignedAsync(rotation, AnvilFixture.DevKey(7));

        (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var refused = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [credential], holderDid: patientDid));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("error_uri=\"https://docs.test/errors.md#invalid_signature\"", Assert.Single(refused.Headers.WwwAuthenticate).ToString(), StringComparison.Ordinal);

        (nonce, audience, _) = await PortalFactory.ChallengeAsync(client);
        using var rotated = await PortalFactory.GetWithPresentationAsync(client, "/api/me", world.Present(audience, nonce, [credential], holder: newPatientKey, holderDid: patientDid));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
    }

    public void Dispose()
    {
        world.Dispose();
        newPatientKey.Dispose();
    }
}
