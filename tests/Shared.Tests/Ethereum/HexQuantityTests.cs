using System.Numerics;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Tests.Ethereum;

public sealed class HexQuantityTests
{
    [Theory]
    [InlineData("0x0", 0UL)]
    [InlineData("0x1", 1UL)]
    [InlineData("0x7a69", 31337UL)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("0xABC", 0xabcUL)]
    public void TryParse_Canonical_Value(string text, ulong expected)
    {
        Assert.True(HexQuantity.TryParse(text, out ulong value));
        Assert.Equal(expected, value);
        Assert.True(HexQuantity.TryParse(text, out BigInteger big));
        Assert.Equal(new BigInteger(expected), big);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x00")]
    [InlineData("0x01")]
    [InlineData("1")]
    [InlineData("0X1")]
    [InlineData("0x1g")]
    [InlineData("0x10000000000000000")]
    [InlineData("-0x1")]
    [InlineData(" 0x1")]
    public void TryParse_NonCanonical_False(string? text)
    {
        Assert.False(HexQuantity.TryParse(text, out ulong _));
    }

    [Fact]
    public void TryParseBig_Above256Bits_False()
    {
        Assert.True(HexQuantity.TryParse("0x" + new string('f', 64), out BigInteger max));
        Assert.Equal(BigInteger.Pow(2, 256) - 1, max);
        Assert.False(HexQuantity.TryParse("0x1" + new string('0', 64), out BigInteger _));
    }

    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(255UL, "0xff")]
    [InlineData(4096UL, "0x1000")]
    public void Format_NoLeadingZeros(ulong value, string expected)
    {
        Assert.Equal(expected, HexQuantity.Format(value));
        Assert.Equal(expected, HexQuantity.Format(new BigInteger(value)));
    }

    [Fact]
    public void Options_Invalid_ThrowNamingSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new EthereumRpcOptions { Url = new Uri("ftp://x"), }.Validate());
        Assert.Contains("Url", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EthereumRpcOptions { Url = new Uri("http://x"), Timeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new EthereumRpcOptions { Url = new Uri("http://x"), MaxResponseBytes = 10 }.Validate());
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new EthereumRpcClient(http, new EthereumRpcOptions { Url = new Uri("http://x"), MaxRetries = -1 }));
    }

    [Fact]
    public void DisplayEndpoint_DropsCredentialsPathAndQuery()
    {
        var options = new EthereumRpcOptions { Url = new Uri("https://user:pw@node.example:8545/v3/KEY?x=1") };

        Assert.Equal("https://node.example:8545", options.DisplayEndpoint);
    }
}
