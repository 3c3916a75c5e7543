using System.Text.Json;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;

namespace Identity.Cli.Tests;

/// <summary>Reads what the tool wrote and what it printed, with the library's own parsers.</summary>
public static class KeyFiles
{
    /// <summary>The private key in a JWK key file; fails the test when the file is not a private JWK.</summary>
    public static PrivateKey ReadPrivate(string path)
    {
        Assert.True(Jwk.TryParse(File.ReadAllText(path), out var jwk, out var error), error);
        Assert.True(jwk.HasPrivateKey, "the key file has no private member d");
        Assert.True(jwk.TryGetPrivateKey(out var key));
        return key;
    }

    /// <summary>A key file must be readable and writable by its owner only (mode 0600).</summary>
    public static void AssertOwnerOnly(string path)
    {
        Assert.False(OperatingSystem.IsWindows(), "these tests check POSIX modes");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    /// <summary>Writes <paramref name="key"/> as the tool does.</summary>
    public static string Write(TempDirectory directory, string name, PrivateKey key)
    {
        var path = directory.File(name);
        KeyFile.Write(path, key, kid: null);
        return path;
    }

    /// <summary>The public key of the first verification method of a printed resolution result.</summary>
    public static PublicKey FirstPublicKey(CliRun resolution)
    {
        using var document = JsonDocument.Parse(resolution.Stdout);
        var method = document.RootElement.GetProperty("didDocument").GetProperty("verificationMethod")[0];
        Assert.True(VerificationMethod.TryParse(method, out var parsed, out var error), error);
        Assert.True(parsed.TryGetPublicKey(out var key, out var keyError), keyError);
        return key;
    }
}
