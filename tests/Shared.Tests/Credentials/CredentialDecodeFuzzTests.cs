using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Encoding;
using Identity.Shared.StatusLists;

namespace Identity.Shared.Tests.Credentials;

/// <summary>
/// Decoding must answer every input with a result, never an exception: valid VC-JWT, VP-JWT and VC-JOSE-COSE payloads
/// have members replaced, at every depth, by values of every JSON kind (deterministic, seeded).
/// </summary>
public sealed class CredentialDecodeFuzzTests
{
    private static readonly string[] Palette =
    [
        "null", "0", "-1", "1.5", "1e300", "100000000000", "true", "\"\"", "\"x\"", "\"did:example:a\"", "\"2020-01-01T00:00:00Z\"",
        "[]", "[null]", "[1,\"a\"]", "{}", "{\"id\":5}", "[{}]", "{\"id\":\"did:example:b\",\"type\":[]}", "\"https://www.w3.org/2018/credentials/v1\"",
        "[\"VerifiableCredential\"]", "{\"type\":\"BitstringStatusListEntry\",\"statusPurpose\":\"revocation\",\"statusListIndex\":\"1\",\"statusListCredential\":\"https://s.example/1\",\"statusSize\":2}",
    ];

    public static TheoryData<string> Seeds => new()
    {
        """{"iss":"did:example:i","sub":"did:example:s","jti":"urn:a","nbf":1562950282,"exp":1893525804,"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"a":{"b":[1,2]}},"credentialStatus":{"type":"StatusList2021Entry","statusPurpose":"revocation","statusListIndex":"5","statusListCredential":"https://s.example/1"}}}""",
        """{"iss":"did:example:h","aud":"https://v.example","nonce":"n","vp":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiablePresentation"],"verifiableCredential":["a.b.c",{"proof":{"jwt":"d.e.f"}}]}}""",
        """{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:a","type":["VerifiableCredential"],"issuer":{"id":"did:example:i"},"validFrom":"2020-01-01T00:00:00Z","credentialSubject":[{"id":"did:example:s"}],"credentialStatus":[{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://s.example/1","statusSize":1,"statusMessage":[{"status":"0x0","message":"a"},{"status":"0x1","message":"b"}]}]}""",
        """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"VerifiablePresentation","holder":"did:example:h","aud":["x"],"verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,a.b.c"}]}""",
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryDecode_MutatedPayloads_NeverThrow(string seed)
    {
        var state = (ulong)seed.Length * 0x9E3779B97F4A7C15UL;
        var signature = Base64UrlStrict.Encode(new byte[64]);
        for (var i = 0; i < 1500; i++)
        {
            var payload = JsonNode.Parse(seed)!;
            var mutations = 1 + (int)(Next(ref state) % 3);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(payload, ref state);
            }

            var header = (Next(ref state) % 3) switch { 0 => """{"alg":"ES256K"}""", 1 => """{"alg":"ES256K","typ":"vc+jwt"}""", _ => """{"alg":"ES256K","typ":"vp+jwt"}""" };
            var token = Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(header)) + "." + Base64UrlStrict.Encode(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + signature;

            var credentialOk = CredentialJwt.TryDecodeCredential(token, out var credential, out var credentialError);
            var presentationOk = CredentialJwt.TryDecodePresentation(token, out _, out var presentationError);

            Assert.True(credentialOk || credentialError is not null);
            Assert.True(presentationOk || presentationError is not null);
            foreach (var status in credential?.Credential.Statuses ?? [])
            {
                _ = BitstringStatusListEntry.TryParse(status, out _, out _);
            }
        }
    }

    private static void Mutate(JsonNode root, ref ulong state)
    {
        // Walk to a random container, then replace, add or remove one of its members.
        var node = root;
        while (true)
        {
            var children = node switch
            {
                JsonObject o => o.Select(p => p.Value).Where(v => v is JsonObject or JsonArray).ToList(),
                JsonArray a => a.Where(v => v is JsonObject or JsonArray).ToList(),
                _ => [],
            };
            if (children.Count == 0 || Next(ref state) % 3 == 0)
            {
                break;
            }

            node = children[(int)(Next(ref state) % (ulong)children.Count)]!;
        }

        var value = JsonNode.Parse(Palette[Next(ref state) % (ulong)Palette.Length]);
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                var name = o.ElementAt((int)(Next(ref state) % (ulong)o.Count)).Key;
                if (Next(ref state) % 4 == 0)
                {
                    o.Remove(name);
                }
                else
                {
                    o[name] = value;
                }

                break;
            case JsonArray a when a.Count > 0:
                a[(int)(Next(ref state) % (ulong)a.Count)] = value;
                break;
            case JsonArray a:
                a.Add(value);
                break;
        }
    }

    private static ulong Next(ref ulong state)
    {
        // xorshift64*: deterministic, so a failure reproduces.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545F4914F6CDD1DUL;
    }
}
