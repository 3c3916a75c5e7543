using System.Text;
using Identity.Shared.Crypto;

namespace Identity.Cli;

/// <summary>Key files: a JWK (RFC 7517) with the private member <c>d</c>, written readable by its owner only.</summary>
internal static class KeyFile
{
    /// <summary>Key files are small; anything larger is not one.</summary>
    private const int MaxBytes = 16 * 1024;

    public static PrivateKey Read(string path)
    {
        string json;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw CliException.BadInput($"key file {path}: not found");
            }

            if (info.Length > MaxBytes)
            {
                throw CliException.BadInput($"key file {path}: larger than {MaxBytes} bytes, not a JWK");
            }

            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            throw CliException.Environment($"key file {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw CliException.Environment($"key file {path}: {e.Message}");
        }

        if (!Jwk.TryParse(json, out var jwk, out var error))
        {
            throw CliException.BadInput($"key file {path}: {error}");
        }

        return jwk.TryGetPrivateKey(out var key)
            ? key
            : throw CliException.BadInput($"key file {path}: the JWK has no private member d");
    }

    public static void Write(string path, PrivateKey key, string? kid)
    {
        var json = Jwk.FromPrivateKey(key, kid).ToJson(includePrivate: true, indented: true);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Readable by its owner only: the file holds a private key.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.UTF8.GetBytes(json + "\n"));
        }
        catch (IOException e)
        {
            throw File.Exists(path)
                ? CliException.BadInput($"key file {path}: already exists; refusing to overwrite a key")
                : CliException.Environment($"key file {path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw CliException.Environment($"key file {path}: {e.Message}");
        }
    }
}
