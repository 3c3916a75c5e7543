namespace Identity.Issuer.Storage;

/// <summary>
/// The state of one status list: a bit per entry for revocation and for suspension (bit 0 is the most
/// significant bit of byte 0, as the Bitstring Status List orders them), and a version that grows with every
/// change so that an HTTP <c>ETag</c> can be derived from it.
/// </summary>
public sealed record StatusListSnapshot(int ListNumber, int Capacity, byte[] Revoked, byte[] Suspended, long Version);
