using Microsoft.IdentityModel.Tokens;

namespace Identity.Shared.Crypto.IdentityModel;

/// <summary>
/// A <see cref="SignatureProvider"/> over one of our <see cref="SignatureAlgorithm"/>s. The library calls every
/// overload in one version or another (the span <c>Sign</c> when creating tokens on .NET 6+, the offset
/// <c>Verify</c> when validating), so all of them are implemented. Verification never throws on bad data.
/// </summary>
internal sealed class IdentitySignatureProvider : SignatureProvider
{
    private readonly IdentitySecurityKey key;
    private readonly SignatureAlgorithm algorithm;

    internal IdentitySignatureProvider(IdentitySecurityKey key, string algorithmName, SignatureAlgorithm algorithm, bool willCreateSignatures)
        : base(key, algorithmName)
    {
        this.key = key;
        this.algorithm = algorithm;
        WillCreateSignatures = willCreateSignatures;
    }

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SignCore(input);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SignCore(input.AsSpan(offset, count));
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var signature = SignCore(data);
        if (!signature.AsSpan().TryCopyTo(destination))
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = signature.Length;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return algorithm.Verify(key.PublicKey, input, signature);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return algorithm.Verify(key.PublicKey, input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    // Nothing to release: the private key belongs to the caller, and our algorithms hold no per-provider state.
    protected override void Dispose(bool disposing)
    {
    }

    private byte[] SignCore(ReadOnlySpan<byte> data) =>
        key.PrivateKey is { } privateKey
            ? algorithm.Sign(privateKey, data)
            : throw new InvalidOperationException($"Cannot sign with {key}: it holds only a public key.");
}
