using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Encoding;

public sealed class Base58Tests
{
    // Bitcoin Core src/test/data/base58_encode_decode.json and the IETF base58 draft examples.
    public static TheoryData<string, string> Vectors => new()
    {
        { "61", "2g" },
        { "626262", "a3gV" },
        { "636363", "aPEr" },
        { "73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2" },
        { "00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L" },
        { "516b6fcd0f", "ABnLTmg" },
        { "bf4f89001e670274dd", "3SEo3LWLoPntC" },
        { "572e4794", "3EFU7m" },
        { "ecac89cad93923c02321", "EJDM8drfXA6uyA" },
        { "10c8511e", "Rt5zm" },
        { "00000000000000000000", "1111111111" },
        { "48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U" },
        { "0000287fb4cd", "11233QC4" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_PublishedVector_Matches(string hex, string base58) => Assert.Equal(base58, Base58.Encode(Hex.Decode(hex)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryDecode_PublishedVector_Matches(string hex, string base58)
    {
        Assert.True(Base58.TryDecode(base58, out var bytes));
        Assert.Equal(hex, Hex.Encode(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData(" 2g")]
    [InlineData("2g ")]
    [InlineData("2g\n")]
    [InlineData("+")]
    [InlineData("é")]
    public void TryDecode_OutsideAlphabet_Fails(string text) => Assert.False(Base58.TryDecode(text, out _));

    [Fact]
    public void TryDecode_LongerThanLimit_FailsWithoutWork() =>
        Assert.False(Base58.TryDecode(new string('z', Base58.MaxDecodeLength + 1), out _));

    [Fact]
    public void Decode_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => Base58.Decode("0OIl"));

    [Fact]
    public void EncodeDecode_RandomBytesWithLeadingZeros_RoundTrip()
    {
        for (var length = 0; length < 70; length++)
        {
            var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
            if (length > 2)
            {
                bytes[0] = 0;
                bytes[1] = 0;
            }

            var text = Base58.Encode(bytes);
            if (length == 0)
            {
                Assert.Equal(string.Empty, text);
                continue;
            }

            Assert.True(Base58.TryDecode(text, out var decoded));
            Assert.Equal(bytes, decoded);
        }
    }
}
