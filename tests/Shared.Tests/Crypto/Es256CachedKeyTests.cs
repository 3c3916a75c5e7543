using Identity.Shared.Crypto;

namespace Identity.Shared.Tests.Crypto;

/// <summary>ES256 verification shares one imported ECDsa per <see cref="PublicKey"/> across calls and threads.</summary>
public sealed class Es256CachedKeyTests
{
    [Fact]
    public void Verify_SameKeyFromManyThreadsAtOnce_EveryVerdictRight()
    {
        using var signer = PrivateKey.Generate(KeyType.P256);
        var key = PublicKey.Import(KeyType.P256, signer.PublicKey.Bytes);
        var messages = Enumerable.Range(0, 16).Select(i => System.Text.Encoding.ASCII.GetBytes($"message {i}")).ToArray();
        var signatures = messages.Select(message => SignatureAlgorithm.ES256.Sign(signer, message)).ToArray();
        var wrong = 0;

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var message = messages[i % messages.Length];
            var right = SignatureAlgorithm.ES256.Verify(key, message, signatures[i % messages.Length]);
            var crossed = SignatureAlgorithm.ES256.Verify(key, message, signatures[(i + 1) % messages.Length]);
            if (!right || crossed)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
        Assert.Same(key.P256Verifier, key.P256Verifier);
    }
}
