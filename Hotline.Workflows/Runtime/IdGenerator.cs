using System.Globalization;

namespace Hotline.Workflows.Runtime;

/// <summary>Short random ids in Elsa's style (16 hex digits), cheap enough for every journal line.</summary>
public static class IdGenerator
{
    /// <summary>A new id.</summary>
    public static string New() => ((ulong)Random.Shared.NextInt64() ^ ((ulong)Random.Shared.Next() << 63)).ToString("x16", CultureInfo.InvariantCulture);
}
