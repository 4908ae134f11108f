namespace Hotline.Domain.Persistence;

/// <summary>
/// How long start-up waits for an unreachable database (PostgreSQL restarting with the host, a container starting
/// later) before the host gives up; bound from <c>Hotline:Database:StartupRetry</c>. The wait doubles from
/// <see cref="InitialDelay"/> up to <see cref="MaxDelay"/> until <see cref="MaxWait"/> has passed.
/// </summary>
public sealed class DatabaseStartupRetryOptions
{
    /// <summary>The wait after the first failed attempt (default 1 second).</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (default 30 seconds).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The total waited before start-up fails with the last error (default 2 minutes; zero: one attempt only).</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);
}
