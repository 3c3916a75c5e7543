namespace Identity.Shared.Jose;

/// <summary>
/// Limits and rules for <see cref="JwsCompact.TryParse(string?, JwsParseOptions?, out JwsCompact?, out Verification.VerificationError?)"/>.
/// The defaults suit did-jwt tokens, VC-JWTs and VP-JWTs carrying a few credentials; limits bound the work an
/// anonymous caller can cause before any signature is checked.
/// </summary>
public sealed class JwsParseOptions
{
    private readonly int maxTokenLength = 64 * 1024;
    private readonly int maxHeaderLength = 8 * 1024;
    private readonly int maxJsonDepth = 32;

    /// <summary>The defaults.</summary>
    public static JwsParseOptions Default { get; } = new();

    /// <summary>The longest token accepted, in characters (64 KiB by default).</summary>
    public int MaxTokenLength
    {
        get => maxTokenLength;
        init => maxTokenLength = Positive(value);
    }

    /// <summary>The longest encoded header accepted, in characters (8 KiB by default).</summary>
    public int MaxHeaderLength
    {
        get => maxHeaderLength;
        init => maxHeaderLength = Positive(value);
    }

    /// <summary>The deepest nesting of JSON objects and arrays accepted; the root object is depth 1 (32 by default).</summary>
    public int MaxJsonDepth
    {
        get => maxJsonDepth;
        init => maxJsonDepth = value is > 0 and <= 256 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxJsonDepth must be between 1 and 256.");
    }

    /// <summary>
    /// Whether the payload must be a strict JSON object (true by default, as for every JWT). When false the payload
    /// is only required to be strict base64url, and <see cref="JwsCompact.Payload"/> is null.
    /// </summary>
    public bool RequireJsonPayload { get; init; } = true;

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Limits must be positive.");
}
