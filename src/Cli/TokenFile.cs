using System.Text;

namespace Identity.Cli;

/// <summary>Reads one token (a compact JWS) from a file or, for <c>-</c>, from standard input: bounded, trimmed.</summary>
internal static class TokenFile
{
    /// <summary>
    /// Far above any credential or presentation worth verifying, and above the JWS parser's own limit, so that an
    /// oversized token still reaches the parser and is reported as <c>token_too_large</c>; a larger file is refused.
    /// </summary>
    public const int MaxChars = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(string path, string what, CancellationToken cancellationToken)
    {
        string text;
        if (path == "-")
        {
            text = await ReadBoundedAsync(Console.In, "standard input", cancellationToken);
        }
        else
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    throw CliException.BadInput($"{what} file {path}: not found");
                }

                if (info.Length > MaxChars * 4L)
                {
                    throw CliException.BadInput($"{what} file {path}: larger than a token can be");
                }

                using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
                text = await ReadBoundedAsync(reader, $"{what} file {path}", cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw CliException.BadInput($"{what} file {path}: not UTF-8 text");
            }
            catch (IOException e)
            {
                throw CliException.Environment($"{what} file {path}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw CliException.Environment($"{what} file {path}: {e.Message}");
            }
        }

        // Files written by editors and by `> file` end with a newline; a token never contains whitespace.
        var token = text.Trim();
        return token.Length > 0 ? token : throw CliException.BadInput($"{(path == "-" ? "standard input" : $"{what} file {path}")}: empty");
    }

    private static async Task<string> ReadBoundedAsync(TextReader reader, string source, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxChars + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return new string(buffer, 0, length);
            }

            length += read;
        }

        throw CliException.BadInput($"{source}: larger than {MaxChars} characters, not a token");
    }
}
