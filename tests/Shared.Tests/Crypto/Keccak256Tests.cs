using Identity.Shared.Crypto;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Crypto;

public sealed class Keccak256Tests
{
    /// <summary>The Keccak team's and Ethereum's published digests (original padding, not FIPS-202).</summary>
    public static TheoryData<string, string> Vectors => new()
    {
        { string.Empty, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" },
        { "abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45" },
        { "The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hash_PublishedVector_GivesPublishedDigest(string input, string expected)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(input);
        var destination = new byte[Keccak256.HashSize];

        Keccak256.Hash(data, destination);

        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(data)));
        Assert.Equal(expected, Hex.Encode(destination));
    }

    /// <summary>Zero-filled inputs around the 136-byte rate, where padding bugs live; digests from ethers 6 (keccak256).</summary>
    public static TheoryData<int, string> RateBoundaryVectors => new()
    {
        { 135, "29e3704feeca7fb9ba229f0fa04d9b36449cf3ad6e1d85d9cfff3a10df9abc3e" },
        { 136, "3a5912a7c5faa06ee4fe906253e339467a9ce87d533c65be3c15cb231cdb25f9" },
        { 137, "bee7fbb405cb0d91a8775e338c4a5e4b5d6b2d051f687fa942043cffdc73bd28" },
        { 272, "a8005c7a3125b6c3629b4181eca54d18721e41fef639718d205beb00b366ed7d" },
    };

    [Theory]
    [MemberData(nameof(RateBoundaryVectors))]
    public void Hash_ZerosAroundRateBoundary_MatchesEthers(int length, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(new byte[length])));
    }

    [Fact]
    public void Hash_Empty_IsNotFips202Sha3()
    {
        // SHA3-256("") uses the 0x06 padding; Ethereum's Keccak-256 keeps the original 0x01.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.Encode(Keccak256.Hash([])));
    }

    [Fact]
    public void Hash_DestinationTooSmall_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
    }
}
