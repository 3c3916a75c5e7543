namespace Identity.Issuer.Tests.Api;

/// <summary>The system clock moved by <see cref="Offset"/>, so a test can let a nonce expire without waiting.</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
