using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;

namespace Identity.Verifier.Tests;

/// <summary>
/// did:key identities (the chain adds nothing to these checks): a hospital the portal trusts, a clinic it may not, the
/// patient and a stranger; FHIR-shaped credentials signed with Shared's VcJwt, and presentations for a challenge.
/// </summary>
public sealed class TestWorld : IDisposable
{
    public const string BloodPressureLoinc = "85354-9";

    public PrivateKey Hospital { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public PrivateKey Clinic { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public PrivateKey Patient { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public PrivateKey Stranger { get; } = PrivateKey.Generate(KeyType.Secp256k1);

    public string HospitalDid => Did(Hospital);

    public string ClinicDid => Did(Clinic);

    public string PatientDid => Did(Patient);

    public string StrangerDid => Did(Stranger);

    public static string Did(PrivateKey key) => DidKeyResolver.CreateDid(key.PublicKey);

    public static JsonObject PatientClaims(string birthDate = "1990-04-01") => new()
    {
        ["resourceType"] = "Patient",
        ["name"] = new JsonArray(new JsonObject { ["given"] = new JsonArray("Alice"), ["family"] = "Example" }),
        ["birthDate"] = birthDate,
    };

    public static JsonObject CoverageClaims() => new()
    {
        ["resourceType"] = "Coverage",
        ["status"] = "active",
        ["subscriberId"] = "M-42",
    };

    public static JsonObject ObservationClaims(DateTimeOffset effective, string loinc = BloodPressureLoinc) => new()
    {
        ["resourceType"] = "Observation",
        ["status"] = "final",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = loinc }) },
        ["effectiveDateTime"] = effective.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A VC-JWT of <paramref name="type"/> about <paramref name="subject"/> (the patient by default).</summary>
    public string Issue(string type, JsonObject claims, PrivateKey? issuer = null, string? subject = null, DateTimeOffset? validUntil = null, JsonObject? status = null, string? issuerDid = null)
    {
        issuer ??= Hospital;
        issuerDid ??= Did(issuer);
        var subjectJson = new JsonObject { ["id"] = subject ?? PatientDid };
        foreach (var (name, value) in claims)
        {
            subjectJson[name] = value?.DeepClone();
        }

        var json = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential", type),
            ["issuer"] = issuerDid,
            ["issuanceDate"] = VerifiableCredential.FormatDate(TimeProvider.System.GetUtcNow().AddDays(-1)),
            ["credentialSubject"] = subjectJson,
        };
        if (validUntil is { } until)
        {
            json["expirationDate"] = VerifiableCredential.FormatDate(until);
        }

        if (status is not null)
        {
            json["credentialStatus"] = status;
        }

        return VcJwt.SignCredential(VerifiableCredential.Create(json), issuer, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = KeyId(issuerDid) });
    }

    /// <summary>A VP-JWT of <paramref name="credentials"/> by <paramref name="holder"/> (the patient by default) for a challenge.</summary>
    public string Present(string audience, string nonce, IEnumerable<string> credentials, PrivateKey? holder = null, string? holderDid = null)
    {
        holder ??= Patient;
        holderDid ??= Did(holder);
        var presentation = VerifiablePresentation.Create(DataModelVersion.V1_1, holderDid, [.. credentials]);
        return VcJwt.SignPresentation(presentation, holder, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = KeyId(holderDid), Audience = [audience], Nonce = nonce });
    }

    /// <summary>A VCDM 2.0 presentation (<c>vp+jwt</c>, VC-JOSE-COSE) of a <c>vc+jwt</c> patient credential.</summary>
    public string PresentVersion2(string audience, string nonce)
    {
        var subject = PatientClaims();
        subject["id"] = PatientDid;
        var credential = VerifiableCredential.Create(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "PatientIdentityCredential"),
            ["issuer"] = HospitalDid,
            ["validFrom"] = VerifiableCredential.FormatDate(TimeProvider.System.GetUtcNow().AddDays(-1)),
            ["credentialSubject"] = subject,
        });
        var token = VcJoseCose.SignCredential(credential, Hospital, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = KeyId(HospitalDid) });
        var presentation = VerifiablePresentation.Create(DataModelVersion.V2_0, PatientDid, [token]);
        return VcJoseCose.SignPresentation(presentation, Patient, SignatureAlgorithm.ES256K, new JwtSigningOptions { KeyId = KeyId(PatientDid), Audience = [audience], Nonce = nonce });
    }

    public void Dispose()
    {
        Hospital.Dispose();
        Clinic.Dispose();
        Patient.Dispose();
        Stranger.Dispose();
    }

    // did:ethr signs with its #controller; did:key with its one key, named by the multibase value.
    private static string KeyId(string did) => did.StartsWith("did:ethr:", StringComparison.Ordinal) ? did + "#controller" : did + "#" + did["did:key:".Length..];
}
