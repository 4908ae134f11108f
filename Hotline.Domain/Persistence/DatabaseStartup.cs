using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Runs start-up's database work (the migration) again with exponential back-off while the database cannot be
/// reached, logging each failed attempt as a warning, then fails with the last error.
/// </summary>
public static partial class DatabaseStartup
{
    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds or <see cref="DatabaseStartupRetryOptions.MaxWait"/> has been
    /// waited. Only connection failures are retried: a failing migration is a bug, not an outage.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task> attempt, DatabaseStartupRetryOptions options, ILogger logger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var delay = options.InitialDelay > TimeSpan.Zero ? options.InitialDelay : TimeSpan.FromMilliseconds(100);
        var waited = TimeSpan.Zero;
        for (var number = 1; ; number++)
        {
            try
            {
                await attempt(cancellationToken);
                return;
            }
            catch (Exception e) when (IsUnreachable(e) && waited < options.MaxWait && !cancellationToken.IsCancellationRequested)
            {
                var wait = Min(Min(delay, options.MaxDelay), options.MaxWait - waited);
                LogUnreachable(logger, number, wait.TotalSeconds, e.GetBaseException().Message);
                await Task.Delay(wait, time, cancellationToken);
                waited += wait;
                delay += delay;
            }
        }
    }

    /// <summary>Whether <paramref name="e"/> says the database could not be reached (rather than that a command failed).</summary>
    internal static bool IsUnreachable(Exception e) => e switch
    {
        Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        Npgsql.NpgsqlException npgsql when npgsql.IsTransient => true,
        Microsoft.Data.SqlClient.SqlException sql when SqlServerErrors.Numbers(sql).Any(SqlServerErrors.IsUnreachable) => true,
        System.Net.Sockets.SocketException or TimeoutException => true,
        DbException or InvalidOperationException when e.InnerException is { } inner => IsUnreachable(inner),
        _ => false,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The database cannot be reached (attempt {Attempt}); trying again in {Seconds:0.#} s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, int attempt, double seconds, string reason);
}
