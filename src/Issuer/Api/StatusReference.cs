namespace Identity.Issuer.Api;

/// <summary>A credential's place in the status lists.</summary>
public sealed record StatusReference(int List, int Index, string RevocationListCredential, string SuspensionListCredential);
