using Identity.Shared.Crypto;

namespace Identity.Shared.Ethereum;

/// <summary><c>DIDOwnerChanged</c>: a new controller; the zero address deactivates the DID.</summary>
public sealed record DidOwnerChanged : RegistryEvent
{
    /// <summary>The new owner.</summary>
    public required EthereumAddress Owner { get; init; }
}
