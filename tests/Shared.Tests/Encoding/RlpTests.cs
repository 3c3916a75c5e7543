using System.Numerics;
using System.Text.Json;
using Identity.Shared.Encoding;

namespace Identity.Shared.Tests.Encoding;

/// <summary>Vectors from ethereum/tests RLPTests/rlptest.json (commit 0d2c026), in that file's own "in" notation.</summary>
public sealed class RlpTests
{
    public static TheoryData<string, string, string> Published => new()
    {
        { "emptystring", "\"\"", "80" },
        { "bytestring00", "\"\\u0000\"", "00" },
        { "bytestring01", "\"\\u0001\"", "01" },
        { "bytestring7F", "\"\\u007F\"", "7f" },
        { "shortstring", "\"dog\"", "83646f67" },
        { "shortstring2", "\"Lorem ipsum dolor sit amet, consectetur adipisicing eli\"", "b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69" },
        { "longstring", "\"Lorem ipsum dolor sit amet, consectetur adipisicing elit\"", "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974" },
        { "zero", "0", "80" },
        { "smallint", "1", "01" },
        { "smallint2", "16", "10" },
        { "smallint3", "79", "4f" },
        { "smallint4", "127", "7f" },
        { "mediumint1", "128", "8180" },
        { "mediumint2", "1000", "8203e8" },
        { "mediumint3", "100000", "830186a0" },
        { "mediumint4", "\"#83729609699884896815286331701780722\"", "8f102030405060708090a0b0c0d0e0f2" },
        { "mediumint5", "\"#105315505618206987246253880190783558935785933862974822347068935681\"", "9c0100020003000400050006000700080009000a000b000c000d000e01" },
        { "emptylist", "[]", "c0" },
        { "stringlist", "[\"dog\",\"god\",\"cat\"]", "cc83646f6783676f6483636174" },
        { "multilist", "[\"zw\",[4],1]", "c6827a77c10401" },
        { "shortListMax1", "[\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\",\"zxcv\",\"asdf\",\"qwer\"]", "f784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572" },
        { "longList1", "[[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"],[\"asdf\",\"qwer\",\"zxcv\"]]", "f840" + string.Concat(Enumerable.Repeat("cf84617364668471776572847a786376", 4)) },
        { "longList2", "[" + string.Join(",", Enumerable.Repeat("[\"asdf\",\"qwer\",\"zxcv\"]", 32)) + "]", "f90200" + string.Concat(Enumerable.Repeat("cf84617364668471776572847a786376", 32)) },
        { "listsoflists", "[[[],[]],[]]", "c4c2c0c0c0" },
        { "listsoflists2", "[[],[[]],[[],[[]]]]", "c7c0c1c0c3c0c1c0" },
        { "dictTest1", "[[\"key1\",\"val1\"],[\"key2\",\"val2\"],[\"key3\",\"val3\"],[\"key4\",\"val4\"]]", "ecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34" },
        { "bigint", "\"#115792089237316195423570985008687907853269984665640564039457584007913129639936\"", "a1010000000000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Encode_PublishedVector_MatchesOutput(string name, string input, string expected)
    {
        using var document = JsonDocument.Parse(input);

        var encoded = Encode(document.RootElement);

        Assert.True(Hex.Encode(encoded) == expected, name);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Decode_PublishedVector_RoundTrips(string name, string input, string expected)
    {
        _ = input;
        var encoded = Hex.Decode(expected);

        Assert.True(Rlp.TryDecode(encoded, out var item), name);
        Assert.Equal(expected, Hex.Encode(Reencode(item)));
    }

    [Fact]
    public void EncodeBytes_1024ByteString_LongFormWithTwoLengthBytes()
    {
        // longstring2 of rlptest.json: a 1024-byte string encodes as b9 0400 ‖ bytes.
        var value = new byte[1024];
        value.AsSpan().Fill((byte)'a');

        var encoded = Rlp.EncodeBytes(value);

        Assert.Equal("b90400", Hex.Encode(encoded.AsSpan(0, 3)));
        Assert.Equal(value, encoded[3..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("81")]
    [InlineData("8100")]
    [InlineData("817f")]
    [InlineData("b800")]
    [InlineData("b837" + "00")]
    [InlineData("b90001aa")]
    [InlineData("c1")]
    [InlineData("c3c0")]
    [InlineData("80" + "80")]
    [InlineData("f800")]
    public void TryDecode_NonCanonicalOrTruncated_False(string hex)
    {
        Assert.False(Rlp.TryDecode(Hex.Decode(hex), out _));
    }

    [Fact]
    public void TryDecode_NestingBeyondLimit_False()
    {
        var nested = Rlp.EmptyList.ToArray();
        for (var i = 0; i < 100; i++)
        {
            nested = Rlp.EncodeList(nested);
        }

        Assert.False(Rlp.TryDecode(nested, out _));
        Assert.True(Rlp.TryDecode(nested, out _, maxDepth: 200));
    }

    private static byte[] Encode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => Rlp.EncodeList([.. element.EnumerateArray().Select(Encode)]),
        JsonValueKind.Number => Rlp.EncodeInteger(element.GetUInt64()),
        JsonValueKind.String when element.GetString()!.StartsWith('#') => Rlp.EncodeInteger(BigInteger.Parse(element.GetString()![1..], System.Globalization.CultureInfo.InvariantCulture)),
        JsonValueKind.String => Rlp.EncodeBytes(System.Text.Encoding.UTF8.GetBytes(element.GetString()!)),
        _ => throw new ArgumentException("unexpected vector input"),
    };

    private static byte[] Reencode(RlpItem item) =>
        item.IsList ? Rlp.EncodeList([.. item.Items.Select(Reencode)]) : Rlp.EncodeBytes(item.Bytes);
}
