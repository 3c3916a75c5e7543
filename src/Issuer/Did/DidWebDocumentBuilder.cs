using System.Text.Json.Nodes;
using Identity.Issuer.Keys;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;

// Not Identity.Issuer.Did: that namespace would hide the Did type from the rest of the assembly.
namespace Identity.Issuer.DidWeb;

/// <summary>
/// The DID document of a did:web issuer, built from the key ring: every key, retired ones included, is a
/// <c>JsonWebKey2020</c> method under <c>assertionMethod</c>, so credentials signed before a rotation still verify.
/// </summary>
internal static class DidWebDocumentBuilder
{
    public static bool IsDidWeb(string did) => did.StartsWith("did:web:", StringComparison.Ordinal);

    public static JsonObject Build(IIssuerKeyRing keys)
    {
        var did = keys.IssuerDid;
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var key in keys.Keys)
        {
            var id = key.KeyId.StartsWith('#') ? did + key.KeyId : key.KeyId;
            methods.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = VerificationMethodTypes.JsonWebKey2020,
                ["controller"] = did,
                ["publicKeyJwk"] = JsonNode.Parse(Jwk.FromPublicKey(key.Signer.PublicKey).ToJson()),
            });
            assertion.Add(id);
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"),
            ["id"] = did,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
    }
}
