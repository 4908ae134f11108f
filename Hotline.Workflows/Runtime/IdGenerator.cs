namespace Hotline.Workflows.Runtime;

/// <summary>Short random ids in Elsa's style (16 hex digits), cheap enough for every journal line.</summary>
public static class IdGenerator
{
    /// <summary>A new id.</summary>
    public static string New()
    {
        // 64 random bits (NextInt64 gives 63; the top bit from another draw), written as 16 lower-case hex digits by
        // hand: ulong.ToString("x16") goes through culture-aware formatting and was ~15 % of the engine's CPU.
        var value = (ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63);
        return string.Create(16, value, static (span, bits) =>
        {
            for (var i = 15; i >= 0; i--, bits >>= 4)
                span[i] = "0123456789abcdef"[(int)(bits & 0xF)];
        });
    }
}
