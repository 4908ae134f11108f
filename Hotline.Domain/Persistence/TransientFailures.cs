using System.Data.Common;
using System.Net.Sockets;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Failures of the database or the network that pass by themselves (a restarting server, a broken connection, a busy
/// SQLite file, a SQL Server deadlock): a burst that meets one is not saved and runs again later (<see cref="Hotline.Workflows.Runtime.EngineServices.IsTransient"/>),
/// and an HTTP request answers 503 with <c>Retry-After</c> so that the client sends it again (the host's <c>TransientFailureHandler</c>).
/// </summary>
public static class TransientFailures
{
    /// <summary>True when <paramref name="exception"/> or one it wraps is a passing failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or TimeoutException or SocketException)
                return true;
            if (e is Microsoft.Data.SqlClient.SqlException sql && SqlServerErrors.Numbers(sql).Any(SqlServerErrors.IsTransient))
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
                return true;
        }

        return false;
    }
}
