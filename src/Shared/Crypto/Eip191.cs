using System.Globalization;

namespace Identity.Shared.Crypto;

/// <summary>
/// EIP-191 version 0x45 (<c>personal_sign</c>): keccak256("\x19Ethereum Signed Message:\n" + decimal length + message).
/// Signatures are 65 bytes r‖s‖v with v = 27 + recovery id, as wallets produce them.
/// </summary>
public static class Eip191
{
    /// <summary>Size of a personal_sign signature.</summary>
    public const int SignatureSize = 65;

    /// <summary>The digest a wallet signs for <paramref name="message"/>.</summary>
    public static byte[] HashPersonalMessage(ReadOnlySpan<byte> message)
    {
        // "\u0019", not "\x19": C#'s \x takes up to four hex digits, so "\x19E…" would be U+019E followed by "thereum".
        var prefix = System.Text.Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n" + message.Length.ToString(CultureInfo.InvariantCulture));
        var buffer = new byte[prefix.Length + message.Length];
        prefix.CopyTo(buffer, 0);
        message.CopyTo(buffer.AsSpan(prefix.Length));
        return Keccak256.Hash(buffer);
    }

    /// <summary>Signs <paramref name="message"/> as <c>personal_sign</c> does.</summary>
    public static byte[] SignPersonalMessage(ReadOnlySpan<byte> message, ReadOnlySpan<byte> privateKey, Secp256k1? implementation = null)
    {
        var signature = new byte[SignatureSize];
        var recoveryId = (implementation ?? Secp256k1.Default).Sign(HashPersonalMessage(message), privateKey, signature);
        signature[64] = (byte)(27 + recoveryId);
        return signature;
    }

    /// <summary>Recovers the signer's address; v may be 27/28 or 0/1. False on a malformed signature.</summary>
    public static bool TryRecoverPersonalMessageSigner(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, out EthereumAddress signer, Secp256k1? implementation = null)
    {
        signer = EthereumAddress.Zero;
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        var v = signature[64];
        var recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is not (0 or 1))
        {
            return false;
        }

        Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
        if (!(implementation ?? Secp256k1.Default).TryRecover(HashPersonalMessage(message), signature[..64], recoveryId, publicKey))
        {
            return false;
        }

        signer = EthereumAddress.FromUncompressedPublicKey(publicKey);
        return true;
    }
}
