using System.Numerics;
using System.Security.Cryptography;

namespace Identity.Issuer.Storage.Sql;

/// <summary>
/// This instance's picture of which indexes of one nearly full list are taken, loaded from the database. It is a
/// hint only: another instance may take an index it shows as free, and then the database's unique key refuses the
/// insert and the index is marked here. The database, never this picture, decides that an index is handed out once.
/// </summary>
internal sealed class UsedIndexHint
{
    private readonly ulong[] words;
    private readonly int capacity;
    private int used;

    public UsedIndexHint(int capacity, IEnumerable<int> usedIndexes)
    {
        this.capacity = capacity;
        words = new ulong[(capacity + 63) / 64];
        foreach (var index in usedIndexes)
        {
            MarkUsed(index);
        }
    }

    public int FreeCount => capacity - used;

    public void MarkUsed(int index)
    {
        ref var word = ref words[index >> 6];
        var bit = 1UL << (index & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            used++;
        }
    }

    /// <summary>A free index drawn uniformly at random, or -1 when none is free.</summary>
    public int PickFree()
    {
        if (FreeCount <= 0)
        {
            return -1;
        }

        var rank = RandomNumberGenerator.GetInt32(FreeCount);
        for (var w = 0; w < words.Length; w++)
        {
            var bitsInWord = Math.Min(64, capacity - (w * 64));
            var free = bitsInWord - BitOperations.PopCount(words[w]);
            if (rank >= free)
            {
                rank -= free;
                continue;
            }

            for (var b = 0; b < bitsInWord; b++)
            {
                if ((words[w] & (1UL << b)) == 0 && rank-- == 0)
                {
                    return (w * 64) + b;
                }
            }
        }

        return -1;
    }
}
