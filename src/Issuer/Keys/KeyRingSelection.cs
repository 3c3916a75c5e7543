using Identity.Shared.Crypto;

namespace Identity.Issuer.Keys;

/// <summary>The rule both key rings share for choosing the signing key.</summary>
internal static class KeyRingSelection
{
    /// <summary>The newest active key of <paramref name="algorithm"/> (of any algorithm when null).</summary>
    public static IssuerKey ActiveKey(IReadOnlyList<IssuerKey> keys, SignatureAlgorithm? algorithm)
    {
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            var key = keys[i];
            if (key.Active && (algorithm is null || string.Equals(key.Signer.Algorithm.Name, algorithm.Name, StringComparison.Ordinal)))
            {
                return key;
            }
        }

        throw new InvalidOperationException(algorithm is null
            ? "The issuer has no active key: add one under Issuer:Keys with Active = true."
            : $"The issuer has no active {algorithm.Name} key: add one under Issuer:Keys with Active = true.");
    }

    public static IReadOnlyList<IssuerKey> Check(string issuerDid, IEnumerable<IssuerKey> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerDid);
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        if (list.Count == 0)
        {
            throw new InvalidOperationException("The issuer has no keys: configure Issuer:Keys (or supply signers).");
        }

        var duplicate = list.GroupBy(k => k.KeyId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two issuer keys have the id {duplicate.Key}: give each key its own KeyId.");
        }

        return list.AsReadOnly();
    }
}
