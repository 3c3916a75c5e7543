using Microsoft.IdentityModel.Tokens;

namespace Identity.Shared.Crypto.IdentityModel;

/// <summary>
/// The <see cref="ICryptoProvider"/> that gives Microsoft.IdentityModel our <see cref="SignatureAlgorithm"/>s:
/// <c>ES256K</c>, <c>ES256K-R</c>, <c>EdDSA</c> (and did-jwt's legacy <c>Ed25519</c>) and <c>ES256</c>, for
/// <see cref="IdentitySecurityKey"/> only. Any other key or algorithm is left to the library's own providers.
/// </summary>
/// <remarks>
/// <see cref="CryptoProviderFactory"/> calls <see cref="IsSupportedAlgorithm"/> with <c>(algorithm, key)</c> or
/// <c>(algorithm, key, willCreateSignatures)</c>, then <see cref="Create"/> with the same arguments.
/// </remarks>
public sealed class IdentityCryptoProvider : ICryptoProvider
{
    private IdentityCryptoProvider()
    {
    }

    /// <summary>The provider; it holds no state.</summary>
    public static IdentityCryptoProvider Instance { get; } = new();

    /// <summary>
    /// The factory every <see cref="IdentitySecurityKey"/> starts with. One instance is enough: the provider is
    /// stateless and signature providers are not cached (they are cheap and hold no native handle).
    /// </summary>
    internal static CryptoProviderFactory SharedFactory { get; } = CreateFactory();

    /// <summary>
    /// A new factory that knows our algorithms on top of the library's; use it for
    /// <c>TokenValidationParameters.CryptoProviderFactory</c> or <c>SigningCredentials.CryptoProviderFactory</c> when
    /// one is set there, since it replaces the key's own factory.
    /// </summary>
    public static CryptoProviderFactory CreateFactory() => new()
    {
        CustomCryptoProvider = Instance,
        CacheSignatureProviders = false,
    };

    /// <summary>
    /// True for a signature algorithm of ours and an <see cref="IdentitySecurityKey"/> of its curve. A request to
    /// sign with a public-only key is still "supported" so that <see cref="Create"/> can say what is wrong, rather
    /// than the library falling back to a provider that fails with an unrelated message.
    /// </summary>
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) => TryMatch(algorithm, args, out _, out _);

    /// <summary>Creates the signature provider; throws when <see cref="IsSupportedAlgorithm"/> would be false or the key cannot sign.</summary>
    public object Create(string algorithm, params object[] args)
    {
        if (!TryMatch(algorithm, args, out var key, out var signatureAlgorithm))
        {
            throw new NotSupportedException($"{nameof(IdentityCryptoProvider)} creates signature providers for ES256K, ES256K-R, EdDSA and ES256 with an {nameof(IdentitySecurityKey)} of the matching curve; got '{algorithm}'.");
        }

        var willCreateSignatures = args.Length > 1 && args[1] is true;
        if (willCreateSignatures && key.PrivateKey is null)
        {
            throw new InvalidOperationException($"Cannot sign with {key}: it holds only a public key.");
        }

        return new IdentitySignatureProvider(key, algorithm, signatureAlgorithm, willCreateSignatures);
    }

    /// <summary>Disposes what <see cref="Create"/> made.</summary>
    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IdentitySignatureProvider provider)
        {
            provider.Dispose();
        }
    }

    private static bool TryMatch(
        string? algorithm,
        object[]? args,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IdentitySecurityKey? key,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SignatureAlgorithm? signatureAlgorithm)
    {
        key = args is { Length: > 0 } ? args[0] as IdentitySecurityKey : null;
        signatureAlgorithm = null;
        if (key is null || !SignatureAlgorithm.TryGet(algorithm, out var candidate) || !key.Supports(candidate))
        {
            key = null;
            return false;
        }

        signatureAlgorithm = candidate;
        return true;
    }
}
