using System.Numerics;

namespace Identity.Shared.Ethereum;

/// <summary>Decodes the revert data Solidity produces: <c>Error(string)</c> (0x08c379a0) and <c>Panic(uint256)</c> (0x4e487b71).</summary>
public static class RevertReason
{
    private static ReadOnlySpan<byte> ErrorSelector => [0x08, 0xc3, 0x79, 0xa0];

    private static ReadOnlySpan<byte> PanicSelector => [0x4e, 0x48, 0x7b, 0x71];

    /// <summary>The reason string (for <c>Error(string)</c>) or <c>Panic(0x…)</c>; false for empty, custom or malformed data.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? reason)
    {
        reason = null;
        if (data.Length < 4)
        {
            return false;
        }

        var body = data[4..];
        if (data[..4].SequenceEqual(PanicSelector) && body.Length == 32)
        {
            reason = "Panic(" + HexQuantity.Format(new BigInteger(body, isUnsigned: true, isBigEndian: true)) + ")";
            return true;
        }

        if (!data[..4].SequenceEqual(ErrorSelector)
            || !AbiWord.TryReadUInt32(body, 0, out var offset) || offset != 32
            || !AbiWord.TryReadBytes(body, offset, out var text))
        {
            return false;
        }

        try
        {
            reason = new System.Text.UTF8Encoding(false, true).GetString(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
