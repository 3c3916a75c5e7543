using Identity.Shared.Crypto;

namespace Identity.Shared.Tests.Crypto;

/// <summary>
/// Both secp256k1 implementations by name, so that every vector runs against each and the test name says which.
/// A missing libsecp256k1 fails the native cases loudly instead of skipping them: CI must test the fast path.
/// </summary>
internal static class Secp256k1Implementations
{
    public const string Native = "native";
    public const string Managed = "managed";

    public static IEnumerable<string> Names { get; } = [Native, Managed];

    public static Secp256k1 Get(string name) => name switch
    {
        Native => Secp256k1.Native ?? throw new InvalidOperationException("libsecp256k1 (libsecp256k1.so.1) is not installed; run scripts/setup.sh."),
        Managed => Secp256k1.Managed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown implementation."),
    };

    /// <summary>The implementation names alone.</summary>
    public static TheoryData<string> All() => new(Names);

    /// <summary>Every implementation crossed with every row.</summary>
    public static TheoryData<string, T1> Cross<T1>(IEnumerable<T1> rows)
    {
        var data = new TheoryData<string, T1>();
        foreach (var name in Names)
        {
            foreach (var row in rows)
            {
                data.Add(name, row);
            }
        }

        return data;
    }

    /// <summary>Every implementation crossed with every row.</summary>
    public static TheoryData<string, T1, T2> Cross<T1, T2>(IEnumerable<(T1, T2)> rows)
    {
        var data = new TheoryData<string, T1, T2>();
        foreach (var name in Names)
        {
            foreach (var (a, b) in rows)
            {
                data.Add(name, a, b);
            }
        }

        return data;
    }

    /// <summary>Every implementation crossed with every row.</summary>
    public static TheoryData<string, T1, T2, T3> Cross<T1, T2, T3>(IEnumerable<(T1, T2, T3)> rows)
    {
        var data = new TheoryData<string, T1, T2, T3>();
        foreach (var name in Names)
        {
            foreach (var (a, b, c) in rows)
            {
                data.Add(name, a, b, c);
            }
        }

        return data;
    }
}
