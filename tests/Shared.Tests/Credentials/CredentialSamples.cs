using System.Text.Json.Nodes;

namespace Identity.Shared.Tests.Credentials;

/// <summary>Credential documents shaped like the VCDM 1.1 and 2.0 specification examples.</summary>
internal static class CredentialSamples
{
    public const string Issuer = "did:example:76e12ec712ebc6f1c221ebfeb1f";
    public const string Subject = "did:example:ebfeb1f712ebc6f1c276e12ec21";

    // did-jwt-vc's index.test.ts VC_JWT (ES256K-R, issuer did:ethr:0xf1232f84…b198, nbf 1562950282).
    public const string DidJwtVcJwt =
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NkstUiJ9.eyJpYXQiOjE1NjY5MjMyNjksInN1YiI6ImRpZDpldGhyOjB4NDM1ZGYzZWRhNTcxNTRjZjhjZjc5MjYwNzk4ODFmMjkxMmY1NGRiNCIsIm5iZiI6MTU2Mjk1MDI4MiwidmMiOnsiQGNvbnRleHQiOlsiaHR0cHM6Ly93d3cudzMub3JnLzIwMTgvY3JlZGVudGlhbHMvdjEiLCJodHRwczovL3d3dy53My5vcmcvMjAxOC9jcmVkZW50aWFscy9leGFtcGxlcy92MSJdLCJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIiwiVW5pdmVyc2l0eURlZ3JlZUNyZWRlbnRpYWwiXSwiY3JlZGVudGlhbFN1YmplY3QiOnsiZGVncmVlIjp7InR5cGUiOiJCYWNoZWxvckRlZ3JlZSIsIm5hbWUiOiJCYWNjYWxhdXLDqWF0IGVuIG11c2lxdWVzIG51bcOpcmlxdWVzIn19fSwiaXNzIjoiZGlkOmV0aHI6MHhmMTIzMmY4NDBmM2FkN2QyM2ZjZGFhODRkNmM2NmRhYzI0ZWZiMTk4In0.rFRZUCw3Gu0E_I5ZJbrbpuHV1JNAwpXaiFZuJ59iJ-TNqufr4cuGCBEECFbgQF-lpNm51cqSx3Y2IdWaUpatJQA";

    // did-jwt-vc's index.test.ts PRESENTATION_JWT: holder did:ethr:0xF1232F84… (checksummed), carrying DidJwtVcJwt.
    public const string DidJwtVcPresentationJwt =
        "eyJhbGciOiJFUzI1NkstUiIsInR5cCI6IkpXVCJ9.eyJ2cCI6eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvMjAxOC9jcmVkZW50aWFscy92MSIsImh0dHBzOi8vd3d3LnczLm9yZy8yMDE4L2NyZWRlbnRpYWxzL2V4YW1wbGVzL3YxIl0sInR5cGUiOlsiVmVyaWZpYWJsZVByZXNlbnRhdGlvbiJdLCJ2ZXJpZmlhYmxlQ3JlZGVudGlhbCI6WyJleUowZVhBaU9pSktWMVFpTENKaGJHY2lPaUpGVXpJMU5rc3RVaUo5LmV5SnBZWFFpT2pFMU5qWTVNak15Tmprc0luTjFZaUk2SW1ScFpEcGxkR2h5T2pCNE5ETTFaR1l6WldSaE5UY3hOVFJqWmpoalpqYzVNall3TnprNE9ERm1Namt4TW1ZMU5HUmlOQ0lzSW01aVppSTZNVFUyTWprMU1ESTRNaXdpZG1NaU9uc2lRR052Ym5SbGVIUWlPbHNpYUhSMGNITTZMeTkzZDNjdWR6TXViM0puTHpJd01UZ3ZZM0psWkdWdWRHbGhiSE12ZGpFaUxDSm9kSFJ3Y3pvdkwzZDNkeTUzTXk1dmNtY3ZNakF4T0M5amNtVmtaVzUwYVdGc2N5OWxlR0Z0Y0d4bGN5OTJNU0pkTENKMGVYQmxJanBiSWxabGNtbG1hV0ZpYkdWRGNtVmtaVzUwYVdGc0lpd2lWVzVwZG1WeWMybDBlVVJsWjNKbFpVTnlaV1JsYm5ScFlXd2lYU3dpWTNKbFpHVnVkR2xoYkZOMVltcGxZM1FpT25zaVpHVm5jbVZsSWpwN0luUjVjR1VpT2lKQ1lXTm9aV3h2Y2tSbFozSmxaU0lzSW01aGJXVWlPaUpDWVdOallXeGhkWExEcVdGMElHVnVJRzExYzJseGRXVnpJRzUxYmNPcGNtbHhkV1Z6SW4xOWZTd2lhWE56SWpvaVpHbGtPbVYwYUhJNk1IaG1NVEl6TW1ZNE5EQm1NMkZrTjJReU0yWmpaR0ZoT0RSa05tTTJObVJoWXpJMFpXWmlNVGs0SW4wLnJGUlpVQ3czR3UwRV9JNVpKYnJicHVIVjFKTkF3cFhhaUZadUo1OWlKLVROcXVmcjRjdUdDQkVFQ0ZiZ1FGLWxwTm01MWNxU3gzWTJJZFdhVXBhdEpRQSJdfSwiaXNzIjoiZGlkOmV0aHI6MHhGMTIzMkY4NDBmM2FEN2QyM0ZjRGFBODRkNkM2NmRhYzI0RUZiMTk4In0.oAZju9YNgYQz_RELnlK0KPizXvP90le4Tw7kRqjrXAzY3ZcRMS6EJt58iC3wehVnt680FO0HvFXDrLk3eLfY8QA";

    /// <summary>VCDM 1.1 example 1 shape, with status, schema, evidence, terms of use, refresh service and unknown members.</summary>
    public static JsonObject V1() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"),
        ["id"] = "http://example.edu/credentials/1872",
        ["type"] = new JsonArray("VerifiableCredential", "AlumniCredential"),
        ["issuer"] = new JsonObject { ["id"] = Issuer, ["name"] = "Example University" },
        ["issuanceDate"] = "2010-01-01T19:23:24Z",
        ["expirationDate"] = "2030-01-01T19:23:24Z",
        ["credentialSubject"] = new JsonObject { ["id"] = Subject, ["alumniOf"] = new JsonObject { ["id"] = "did:example:c276e12ec21ebfeb1f712ebc6f1", ["name"] = "Example University" } },
        ["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://example.com/credentials/status/3#94567",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = "https://example.com/credentials/status/3",
        },
        ["credentialSchema"] = new JsonObject { ["id"] = "https://example.org/examples/degree.json", ["type"] = "JsonSchemaValidator2018" },
        ["evidence"] = new JsonArray(new JsonObject { ["id"] = "https://example.edu/evidence/f2aeec97", ["type"] = new JsonArray("DocumentVerification") }),
        ["termsOfUse"] = new JsonArray(new JsonObject { ["type"] = "IssuerPolicy", ["id"] = "http://example.com/policies/credential/4" }),
        ["refreshService"] = new JsonObject { ["id"] = "https://example.edu/refresh/3732", ["type"] = "ManualRefreshService2018" },
        ["name"] = "Alumni credential",
        ["x-custom"] = new JsonObject { ["z"] = 1, ["a"] = new JsonArray(true, null, "é") },
    };

    /// <summary>VCDM 2.0 example shape.</summary>
    public static JsonObject V2() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"),
        ["id"] = "http://university.example/credentials/3732",
        ["type"] = new JsonArray("VerifiableCredential", "ExampleDegreeCredential"),
        ["issuer"] = new JsonObject { ["id"] = "did:example:76e12ec712ebc6f1c221ebfeb1f", ["name"] = "Example University" },
        ["validFrom"] = "2010-01-01T00:00:00Z",
        ["validUntil"] = "2030-01-01T00:00:00Z",
        ["credentialSubject"] = new JsonObject { ["id"] = Subject, ["degree"] = new JsonObject { ["type"] = "ExampleBachelorDegree", ["name"] = "Bachelor of Science and Arts" } },
        ["credentialStatus"] = new JsonArray(
            new JsonObject { ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation", ["statusListIndex"] = "94567", ["statusListCredential"] = "https://university.example/credentials/status/3" },
            new JsonObject { ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "suspension", ["statusListIndex"] = "23452", ["statusListCredential"] = "https://university.example/credentials/status/4" }),
    };
}
