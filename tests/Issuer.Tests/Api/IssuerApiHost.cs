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
using Identity.Shared.StatusLists;
using Identity.Shared.Verification;
using Identity.TestSupport;
using Identity.TestSupport.Chain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Issuer.Tests.Api;

/// <summary>
/// The issuer service under test, through WebApplicationFactory, with a real chain: anvil with the ERC-1056
/// registry, the hospital's did:ethr (owner key for ES256K, an Ed25519 key added on chain as
/// <c>did/pub/Ed25519/veriKey/base64</c>), and a store chosen by the subclass. Patients are fresh did:ethr keys.
/// </summary>
public abstract class IssuerApiHost : IAsyncLifetime
{
    public const string Network = "dev";
    public const string IssueKey = "issue-key-0123456789";
    public const string StatusKey = "status-key-0123456789";
    public const string ReadKey = "read-key-0123456789";
    public const string ProofingKey = "proofing-key-0123456789";
    public const string NoRoleKey = "no-role-key-0123456789";
    public const string JwtAudience = "issuer-api";
    public const string JwtIssuer = "https://idp.hospital.test";

    private WebApplicationFactory<Program>? factory;

    public AnvilFixture Chain { get; } = new();

    public PrivateKey IssuerOwner { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public PrivateKey IssuerEd25519 { get; } = PrivateKey.Generate(KeyType.Ed25519);

    public byte[] JwtSecret { get; } = RandomNumberGenerator.GetBytes(32);

    public ShiftableTimeProvider Time { get; } = new();

    public string IssuerDid => EthrDid.Format(IssuerOwner.PublicKey.ToEthereumAddress(), Network);

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("Not started.");

    public IDidResolver Resolver => Factory.Services.GetRequiredService<IDidResolver>();

    public static string Audience => "http://localhost";

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        var registry = Chain.CreateRegistry();
        await registry.SendSignedAsync(
            await registry.SignAsync(new SetAttributeOperation(IssuerOwner.PublicKey.ToEthereumAddress(), "did/pub/Ed25519/veriKey/base64", IssuerEd25519.PublicKey.Bytes, 86_400), IssuerOwner),
            AnvilFixture.DevKey(1));

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Issuer:PublicBaseUrl"] = "http://localhost/",
            ["Issuer:MaxRequestBodyBytes"] = "65536",
            ["Issuer:RateLimit:PermitsPerSecond"] = "100000",
            ["Issuer:RateLimit:Burst"] = "100000",
            ["Identity:Ethr:Networks:0:Name"] = Network,
            ["Identity:Ethr:Networks:0:ChainId"] = Chain.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:Ethr:Networks:0:RpcUrl"] = Chain.RpcUrl.ToString(),
            ["Identity:Ethr:Networks:0:Registry"] = Chain.RegistryAddress.ToString(),
            ["Issuer:Auth:Jwt:Issuer"] = JwtIssuer,
            ["Issuer:Auth:Jwt:Audience"] = JwtAudience,
            ["Issuer:Auth:Jwt:SigningKeyJwk"] = new JsonObject { ["kty"] = "oct", ["k"] = Base64UrlStrict.Encode(JwtSecret) }.ToJsonString(),
        };
        AddKey(settings, 0, "ward-system", IssueKey, ["issuer.issue"]);
        AddKey(settings, 1, "records-office", StatusKey, ["issuer.status"]);
        AddKey(settings, 2, "auditor", ReadKey, ["issuer.read"]);
        AddKey(settings, 3, "front-desk", ProofingKey, ["issuer.issue", "issuer.proofing"]);
        AddKey(settings, 4, "visitor", NoRoleKey, []);
        foreach (var (key, value) in await StoreSettingsAsync())
        {
            settings[key] = value;
        }

        var ring = new FixedKeyRing(IssuerDid,
        [
            new IssuerKey(IssuerDid + "#controller", new PrivateKeySigner(IssuerOwner, SignatureAlgorithm.ES256K), Active: true),
            new IssuerKey(IssuerDid + "#delegate-1", new PrivateKeySigner(IssuerEd25519, SignatureAlgorithm.EdDSA), Active: true),
        ]);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                services.AddSingleton<IIssuerKeyRing>(ring);
            });
        });
        _ = Factory.Server;
    }

    /// <summary>The <c>Issuer:Storage</c> settings of the store under test.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>> StoreSettingsAsync();

    public HttpClient Client(string? apiKey)
    {
        var client = Factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public HttpClient BearerClient(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Did(PrivateKey key) => EthrDid.Format(key.PublicKey.ToEthereumAddress(), Network);

    /// <summary>A nonce from the service.</summary>
    public async Task<string> NonceAsync()
    {
        using var client = Client(IssueKey);
        using var response = await client.PostAsync(new Uri("/nonce", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["nonce"]!.GetValue<string>();
    }

    /// <summary>A holder proof: a VP-JWT with no credentials, by <paramref name="key"/>'s did:ethr.</summary>
    public static string HolderProof(PrivateKey key, string nonce, string? audience = null, string? holder = null)
    {
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, holder ?? Did(key), []);
        return VcJwt.SignPresentation(presentation, key, SignatureAlgorithm.ES256K, new JwtSigningOptions
        {
            Audience = [audience ?? Audience],
            Nonce = nonce,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
        });
    }

    /// <summary>A well-formed issuance body for a PatientIdentityCredential of <paramref name="subject"/>.</summary>
    public static JsonObject PatientRequest(string subject, string? proof, string format = "vc1-jwt", string? algorithm = null)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["type"] = "PatientIdentityCredential",
            ["claims"] = CredentialTypes.FhirExamples.Patient(),
            ["format"] = format,
        };
        if (proof is not null)
        {
            body["holderProof"] = proof;
        }

        if (algorithm is not null)
        {
            body["algorithm"] = algorithm;
        }

        return body;
    }

    /// <summary>Verifies a credential with the engine, fetching the status lists from the service afresh.</summary>
    public async Task<VerificationResult> VerifyAsync(string token)
    {
        using var http = Factory.CreateClient();
        var statusLists = new HttpStatusListProvider(http, new HttpStatusListProviderOptions { AllowHttp = true }, TimeProvider.System);
        var verifier = new CredentialVerifier(Resolver, statusLists, TimeProvider.System);
        return await verifier.VerifyAsync(token);
    }

    /// <summary>Runs ops of tests/node/vc-ethr.mjs (did-jwt-vc, ethr-did-resolver) against this chain.</summary>
    public Task<JsonArray> RunNodeAsync(IEnumerable<JsonObject> ops) => VcEthrScript.RunAsync(Chain, Network, ops);

    private static void AddKey(Dictionary<string, string?> settings, int index, string name, string key, string[] roles)
    {
        var prefix = $"Issuer:Auth:ApiKeys:{index}:";
        settings[prefix + "Name"] = name;
        settings[prefix + "Sha256"] = Hex.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        for (var i = 0; i < roles.Length; i++)
        {
            settings[prefix + "Roles:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = roles[i];
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Chain.DisposeAsync();
        IssuerOwner.Dispose();
        IssuerEd25519.Dispose();
    }
}
