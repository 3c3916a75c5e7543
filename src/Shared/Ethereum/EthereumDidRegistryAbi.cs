using System.Numerics;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Ethereum;

/// <summary>
/// The ERC-1056 EthereumDIDRegistry ABI, limited to what the registry needs (this is not a general ABI codec).
/// Selectors and topics are computed with Keccak-256 from the canonical signatures.
/// Writes are encoded by the <see cref="RegistryOperation"/> records.
/// </summary>
public static class EthereumDidRegistryAbi
{
    /// <summary>topic0 of <c>DIDOwnerChanged(address indexed identity, address owner, uint256 previousChange)</c>.</summary>
    public static readonly string DidOwnerChangedTopic = Topic("DIDOwnerChanged(address,address,uint256)");

    /// <summary>topic0 of <c>DIDDelegateChanged(address indexed identity, bytes32 delegateType, address delegate, uint256 validTo, uint256 previousChange)</c>.</summary>
    public static readonly string DidDelegateChangedTopic = Topic("DIDDelegateChanged(address,bytes32,address,uint256,uint256)");

    /// <summary>topic0 of <c>DIDAttributeChanged(address indexed identity, bytes32 name, bytes value, uint256 validTo, uint256 previousChange)</c>.</summary>
    public static readonly string DidAttributeChangedTopic = Topic("DIDAttributeChanged(address,bytes32,bytes,uint256,uint256)");

    internal static readonly byte[] IdentityOwnerSelector = Selector("identityOwner(address)");
    internal static readonly byte[] ChangedSelector = Selector("changed(address)");
    internal static readonly byte[] NonceSelector = Selector("nonce(address)");
    internal static readonly byte[] OwnersSelector = Selector("owners(address)");
    internal static readonly byte[] DelegatesSelector = Selector("delegates(address,bytes32,address)");
    internal static readonly byte[] ValidDelegateSelector = Selector("validDelegate(address,bytes32,address)");

    /// <summary>The first four bytes of keccak256 of a canonical function signature.</summary>
    public static byte[] Selector(string canonicalSignature)
    {
        ArgumentNullException.ThrowIfNull(canonicalSignature);
        return Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(canonicalSignature))[..4];
    }

    /// <summary>keccak256 of a canonical event signature, as lower-case 0x hex.</summary>
    public static string Topic(string canonicalSignature)
    {
        ArgumentNullException.ThrowIfNull(canonicalSignature);
        return Hex.EncodePrefixed(Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(canonicalSignature)));
    }

    /// <summary>An address left-padded to a 32-byte topic (lower-case 0x hex), as the indexed <c>identity</c> appears.</summary>
    public static string AddressTopic(EthereumAddress address)
    {
        Span<byte> word = stackalloc byte[32];
        AbiWord.WriteAddress(word, address);
        return Hex.EncodePrefixed(word);
    }

    /// <summary><c>identityOwner(address)</c> calldata.</summary>
    public static byte[] EncodeIdentityOwner(EthereumAddress identity) => Encode(IdentityOwnerSelector, Word(identity));

    /// <summary><c>changed(address)</c> calldata.</summary>
    public static byte[] EncodeChanged(EthereumAddress identity) => Encode(ChangedSelector, Word(identity));

    /// <summary><c>nonce(address)</c> calldata.</summary>
    public static byte[] EncodeNonce(EthereumAddress address) => Encode(NonceSelector, Word(address));

    /// <summary><c>owners(address)</c> calldata.</summary>
    public static byte[] EncodeOwners(EthereumAddress identity) => Encode(OwnersSelector, Word(identity));

    /// <summary><c>delegates(address,bytes32,address)</c> calldata; the key is keccak256 of the bytes32 type (see <see cref="DelegateKey"/>).</summary>
    public static byte[] EncodeDelegates(EthereumAddress identity, ReadOnlySpan<byte> hashedDelegateType, EthereumAddress delegateAddress) =>
        Encode(DelegatesSelector, Word(identity), Bytes32(hashedDelegateType), Word(delegateAddress));

    /// <summary><c>validDelegate(address,bytes32,address)</c> calldata with the plain bytes32 type ("veriKey", "sigAuth").</summary>
    public static byte[] EncodeValidDelegate(EthereumAddress identity, string delegateType, EthereumAddress delegateAddress) =>
        Encode(ValidDelegateSelector, Word(identity), Bytes32String.Encode(delegateType), Word(delegateAddress));

    /// <summary>The key of the <c>delegates</c> mapping: keccak256(abi.encode(bytes32 type)).</summary>
    public static byte[] DelegateKey(string delegateType) => Keccak256.Hash(Bytes32String.Encode(delegateType));

    /// <summary>Reads a returned <c>address</c>.</summary>
    public static bool TryDecodeAddress(ReadOnlySpan<byte> returnData, out EthereumAddress address) =>
        AbiWord.TryReadAddress(returnData, 0, out address) & returnData.Length == 32;

    /// <summary>Reads a returned <c>uint256</c>.</summary>
    public static bool TryDecodeUInt256(ReadOnlySpan<byte> returnData, out BigInteger value) =>
        AbiWord.TryReadUInt256(returnData, 0, out value) & returnData.Length == 32;

    /// <summary>Reads a returned <c>bool</c> (strictly 0 or 1).</summary>
    public static bool TryDecodeBool(ReadOnlySpan<byte> returnData, out bool value) =>
        AbiWord.TryReadBool(returnData, 0, out value) & returnData.Length == 32;

    /// <summary>
    /// Decodes one of the three registry events from a log. False for other topics, a wrong topic count, a
    /// non-canonical encoding or a <c>previousChange</c> beyond 2^64 (no real block number is that large).
    /// </summary>
    public static bool TryDecodeEvent(EthereumLog log, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RegistryEvent? registryEvent)
    {
        ArgumentNullException.ThrowIfNull(log);
        registryEvent = null;
        if (log.Topics.Count != 2 || !HexQuantity.TryParseData(log.Topics[1], 32, out var identityWord) || !AbiWord.TryReadAddress(identityWord, 0, out var identity))
        {
            return false;
        }

        var data = log.Data.Span;
        var topic = log.Topics[0];
        if (string.Equals(topic, DidOwnerChangedTopic, StringComparison.OrdinalIgnoreCase))
        {
            if (data.Length != 64 || !AbiWord.TryReadAddress(data, 0, out var owner) || !AbiWord.TryReadUInt64(data, 32, out var previous))
            {
                return false;
            }

            registryEvent = new DidOwnerChanged { Identity = identity, Owner = owner, PreviousChange = previous, BlockNumber = log.BlockNumber, LogIndex = log.LogIndex, TransactionHash = log.TransactionHash };
            return true;
        }

        if (string.Equals(topic, DidDelegateChangedTopic, StringComparison.OrdinalIgnoreCase))
        {
            if (data.Length != 128 || !AbiWord.TryReadAddress(data, 32, out var delegateAddress)
                || !AbiWord.TryReadUInt256(data, 64, out var validTo) || !AbiWord.TryReadUInt64(data, 96, out var previous))
            {
                return false;
            }

            var type = data[..32].ToArray();
            registryEvent = new DidDelegateChanged
            {
                Identity = identity,
                DelegateTypeBytes = type,
                DelegateType = Bytes32String.TryDecode(type, out var text) ? text : null,
                Delegate = delegateAddress,
                ValidTo = validTo,
                PreviousChange = previous,
                BlockNumber = log.BlockNumber,
                LogIndex = log.LogIndex,
                TransactionHash = log.TransactionHash,
            };
            return true;
        }

        if (string.Equals(topic, DidAttributeChangedTopic, StringComparison.OrdinalIgnoreCase))
        {
            if (!AbiWord.TryReadUInt32(data, 32, out var offset) || offset != 128
                || !AbiWord.TryReadUInt256(data, 64, out var validTo) || !AbiWord.TryReadUInt64(data, 96, out var previous)
                || !AbiWord.TryReadBytes(data, offset, out var value) || data.Length != 160 + ((value.Length + 31) / 32 * 32))
            {
                return false;
            }

            var name = data[..32].ToArray();
            registryEvent = new DidAttributeChanged
            {
                Identity = identity,
                NameBytes = name,
                Name = Bytes32String.TryDecode(name, out var text) ? text : null,
                Value = value,
                ValidTo = validTo,
                PreviousChange = previous,
                BlockNumber = log.BlockNumber,
                LogIndex = log.LogIndex,
                TransactionHash = log.TransactionHash,
            };
            return true;
        }

        return false;
    }

    internal static byte[] Word(EthereumAddress address)
    {
        var word = new byte[32];
        AbiWord.WriteAddress(word, address);
        return word;
    }

    internal static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        AbiWord.WriteUInt256(word, value);
        return word;
    }

    internal static byte[] Bytes32(ReadOnlySpan<byte> value) =>
        value.Length == 32 ? value.ToArray() : throw new ArgumentException("Expected 32 bytes.", nameof(value));

    /// <summary>Selector then head words; a <see cref="DynamicBytes"/> argument is placed in the tail with an offset in the head.</summary>
    internal static byte[] Encode(byte[] selector, params object[] arguments)
    {
        var head = new List<byte>(4 + (32 * arguments.Length));
        var tail = new List<byte>();
        head.AddRange(selector);
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case byte[] word:
                    head.AddRange(word);
                    break;
                case DynamicBytes dynamic:
                    head.AddRange(Word(new BigInteger((32 * arguments.Length) + tail.Count)));
                    tail.AddRange(Word(new BigInteger(dynamic.Value.Length)));
                    tail.AddRange(dynamic.Value);
                    tail.AddRange(new byte[((dynamic.Value.Length + 31) / 32 * 32) - dynamic.Value.Length]);
                    break;
                default:
                    throw new ArgumentException("Unsupported ABI argument.", nameof(arguments));
            }
        }

        head.AddRange(tail);
        return [.. head];
    }

    /// <summary>Marks a dynamic <c>bytes</c> argument for <see cref="Encode"/>.</summary>
    internal sealed record DynamicBytes(byte[] Value);
}
