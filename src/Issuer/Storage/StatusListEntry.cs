namespace Identity.Issuer.Storage;

/// <summary>A position in a status list: list <see cref="ListNumber"/> (1, 2, …), bit <see cref="Index"/>.</summary>
public sealed record StatusListEntry(int ListNumber, int Index);
