namespace Identity.Chain.Tests.Dids;

/// <summary>A clock that starts at the wall-clock time (anvil stamps blocks with it) and that a test moves forward.</summary>
internal sealed class SettableTimeProvider : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
