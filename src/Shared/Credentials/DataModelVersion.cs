namespace Identity.Shared.Credentials;

/// <summary>The W3C Verifiable Credentials Data Model a document follows, decided by its first <c>@context</c>.</summary>
public enum DataModelVersion
{
    /// <summary>VCDM 1.1: base context <c>https://www.w3.org/2018/credentials/v1</c>, <c>issuanceDate</c>/<c>expirationDate</c>.</summary>
    V1_1 = 1,

    /// <summary>VCDM 2.0: base context <c>https://www.w3.org/ns/credentials/v2</c>, <c>validFrom</c>/<c>validUntil</c>.</summary>
    V2_0 = 2,
}
