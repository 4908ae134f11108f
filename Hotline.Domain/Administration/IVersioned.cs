namespace Hotline.Domain.Administration;

/// <summary>
/// A record administrators edit with optimistic concurrency: every change raises <see cref="Version"/> (a concurrency
/// token), and a change sent with an older version is refused instead of overwriting someone else's.
/// </summary>
public interface IVersioned
{
    /// <summary>The version, from 1; raised by every change.</summary>
    int Version { get; set; }
}
