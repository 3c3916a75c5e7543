using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Ethereum;

/// <summary>
/// An EIP-1559 (type 0x02) transaction with an empty access list. The signing hash is
/// keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])).
/// </summary>
public sealed record Eip1559Transaction
{
    /// <summary>The chain id (replay protection).</summary>
    public required ulong ChainId { get; init; }

    /// <summary>The sender's account nonce.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>Tip per gas for the block producer, in wei.</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Most paid per gas (base fee + tip), in wei.</summary>
    public required BigInteger MaxFeePerGas { get; init; }

    /// <summary>Gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>The callee; null creates a contract from <see cref="Data"/>.</summary>
    public EthereumAddress? To { get; init; }

    /// <summary>Wei transferred.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Calldata or init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The digest the sender signs.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash(Serialize(null));

    /// <summary>Signs with a secp256k1 key: raw bytes 0x02 ‖ rlp([... , yParity, r, s]).</summary>
    public SignedTransaction Sign(PrivateKey sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (sender.Type != KeyType.Secp256k1)
        {
            throw new ArgumentException("Ethereum transactions are signed with a secp256k1 key.", nameof(sender));
        }

        var signature = new byte[Secp256k1.SignatureSize];
        var yParity = Secp256k1.Default.Sign(GetSigningHash(), sender.Secret, signature);
        var raw = Serialize((yParity, signature));
        return new SignedTransaction
        {
            Transaction = this,
            Raw = raw,
            Hash = Hex.EncodePrefixed(Keccak256.Hash(raw)),
            From = sender.PublicKey.ToEthereumAddress(),
        };
    }

    private byte[] Serialize((int YParity, byte[] Signature)? signature)
    {
        var fields = new List<byte[]>(12)
        {
            Rlp.EncodeInteger(ChainId),
            Rlp.EncodeInteger(Nonce),
            Rlp.EncodeInteger(MaxPriorityFeePerGas),
            Rlp.EncodeInteger(MaxFeePerGas),
            Rlp.EncodeInteger(GasLimit),
            To is { } to ? Rlp.EncodeBytes(to.Bytes) : Rlp.EmptyString.ToArray(),
            Rlp.EncodeInteger(Value),
            Rlp.EncodeBytes(Data.Span),
            Rlp.EmptyList.ToArray(),
        };
        if (signature is { } s)
        {
            fields.Add(Rlp.EncodeInteger((ulong)s.YParity));
            fields.Add(Rlp.EncodeInteger(new BigInteger(s.Signature.AsSpan(0, 32), isUnsigned: true, isBigEndian: true)));
            fields.Add(Rlp.EncodeInteger(new BigInteger(s.Signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true)));
        }

        var list = Rlp.EncodeList([.. fields]);
        var result = new byte[list.Length + 1];
        result[0] = 0x02;
        list.CopyTo(result, 1);
        return result;
    }
}
