using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Tests.Ethereum;

/// <summary>
/// Expected values produced by ethers 6.17.0 (tests/node) with <c>Transaction.from({...})</c> and
/// <c>new Wallet(anvil key 0).signTransaction(tx)</c>.
/// </summary>
public sealed class Eip1559TransactionTests
{
    private const string AnvilKey0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Fact]
    public void Sign_CallWithValueAndData_MatchesEthers()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(AnvilKey0));
        var transaction = new Eip1559Transaction
        {
            ChainId = 31337,
            Nonce = 7,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 3_000_000_000,
            GasLimit = 100_000,
            To = EthereumAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            Value = 12345,
            Data = Hex.Decode("f00d4b5d"),
        };

        var signed = transaction.Sign(key);

        Assert.Equal("d16eef05d3a959649525adf7803f80f85b5261b36e33a7492d58fd467b980d67", Hex.Encode(transaction.GetSigningHash()));
        Assert.Equal(
            "02f873827a6907843b9aca0084b2d05e00830186a0945fbdb2315678afecb367f032d93f642f64180aa382303984f00d4b5dc080a099e737616504c5b0fc211afd5ebaea869d98ccba54637880c1d988cbc8f6dbb9a03d1c07dd5a7a8859b69028cdf5f9e0a22eac8caf99415e9f0f4d8171234b04e9",
            Hex.Encode(signed.Raw.Span));
        Assert.Equal("0xe30710d299db35f0d89dbe3585b94be159c6c2780d3e7e38b995bff9dca43d1f", signed.Hash);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", signed.From.ToString());
    }

    [Fact]
    public void Sign_ContractCreationWithZeroFields_MatchesEthers()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(AnvilKey0));
        var transaction = new Eip1559Transaction { ChainId = 1, Nonce = 0, MaxPriorityFeePerGas = 0, MaxFeePerGas = 0, GasLimit = 21_000 };

        var signed = transaction.Sign(key);

        Assert.Equal(
            "02f84e01808080825208808080c080a01b84ec08aea07af9abc399527c374dac6f90326d5a392154e853b31196f1e1a7a0641a2c002cfea34480d1e1b7afd097ef67aed81cef2d13564956fc32acbc8998",
            Hex.Encode(signed.Raw.Span));
    }

    [Fact]
    public void Raw_DecodesAsRlpWithTwelveFields()
    {
        using var key = PrivateKey.Import(KeyType.Secp256k1, Hex.Decode(AnvilKey0));
        var signed = new Eip1559Transaction { ChainId = 5, Nonce = 1, MaxPriorityFeePerGas = 2, MaxFeePerGas = 3, GasLimit = 4 }.Sign(key);

        Assert.Equal(0x02, signed.Raw.Span[0]);
        Assert.True(Rlp.TryDecode(signed.Raw.Span[1..], out var item));
        Assert.Equal(12, item.Items.Count);
    }
}
