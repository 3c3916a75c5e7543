namespace Identity.Shared.Tests.StatusLists;

/// <summary>A clock the test moves by hand (timers stay real: only GetUtcNow is overridden).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
