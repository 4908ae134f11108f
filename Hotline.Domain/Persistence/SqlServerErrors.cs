using Microsoft.Data.SqlClient;

namespace Hotline.Domain.Persistence;

/// <summary>
/// What SQL Server's error numbers mean to Hotline: a passing failure (<see cref="TransientFailures"/>), a server not
/// reachable yet (<see cref="DatabaseStartup"/>), a second row with the same key (the commit's conflict detection).
/// SQL Server reports these as <see cref="SqlException"/> numbers, not as SQLSTATE codes.
/// </summary>
internal static class SqlServerErrors
{
    // 1205 deadlock victim, 1222 lock request timeout, -2 command timeout, 4060 database not available (yet), 40197/40501/
    // 40613/49918-49920/10928/10929 Azure SQL busy or failing over, 233/10053/10054/10060/64/121 connection broken or lost,
    // 20 instance does not support encryption (a server still starting), 4221 readable secondary waiting for its log.
    private static readonly HashSet<int> Transient =
        [1205, 1222, -2, 4060, 40197, 40501, 40613, 49918, 49919, 49920, 10928, 10929, 233, 10053, 10054, 10060, 64, 121, 20, 4221];

    // -2 timeout, 2/53 server or network path not found, 40 could not open a connection, 10061 refused, 11001 host not
    // found, 4060 the database cannot be opened (the server is starting), 233 no process at the other end of the pipe.
    private static readonly HashSet<int> Unreachable = [-2, 2, 53, 40, 10061, 11001, 4060, 233, 10053, 10054, 10060];

    /// <summary>2627: a primary key or unique constraint violated; 2601: a unique index violated.</summary>
    public static bool IsUniqueViolation(int number) => number is 2627 or 2601;

    /// <summary>Whether the error numbered <paramref name="number"/> passes by itself (a deadlock, a timeout, a broken connection).</summary>
    public static bool IsTransient(int number) => Transient.Contains(number);

    /// <summary>Whether the error numbered <paramref name="number"/> says the server could not be reached.</summary>
    public static bool IsUnreachable(int number) => Unreachable.Contains(number);

    /// <summary>The numbers of the errors <paramref name="exception"/> carries (SQL Server may report several at once).</summary>
    public static IEnumerable<int> Numbers(SqlException exception) => exception.Errors.Cast<SqlError>().Select(e => e.Number).DefaultIfEmpty(exception.Number);
}
