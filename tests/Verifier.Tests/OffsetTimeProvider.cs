namespace Identity.Verifier.Tests;

/// <summary>The system clock moved by an offset the test sets: nonces and sessions can be aged without waiting.</summary>
public sealed class OffsetTimeProvider : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
