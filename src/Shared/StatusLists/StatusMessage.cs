namespace Identity.Shared.StatusLists;

/// <summary>One <c>statusMessage</c> item: what the status value <see cref="Status"/> means (written <c>"0x…"</c>).</summary>
/// <param name="Status">The status value.</param>
/// <param name="Message">A developer-facing explanation; not meant for end users.</param>
public sealed record StatusMessage(int Status, string Message);
