namespace Identity.Shared.Credentials;

/// <summary>The JSON-LD context URLs this library recognizes.</summary>
public static class CredentialContexts
{
    /// <summary>The VCDM 1.1 base context; it must come first in a 1.1 document.</summary>
    public const string V1 = "https://www.w3.org/2018/credentials/v1";

    /// <summary>The VCDM 2.0 base context; it must come first in a 2.0 document.</summary>
    public const string V2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The Bitstring Status List v1.0 context (its terms are also in <see cref="V2"/>).</summary>
    public const string BitstringStatusList = "https://www.w3.org/ns/credentials/status/v1";

    /// <summary>The StatusList2021 context (used with <see cref="V1"/>).</summary>
    public const string StatusList2021 = "https://w3id.org/vc/status-list/2021/v1";
}
