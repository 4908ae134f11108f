using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// <see cref="HotlineDbContext"/> on SQL Server; migrations in <c>Persistence/Migrations/SqlServer</c>. Moments are
/// <c>datetimeoffset</c>, text <c>nvarchar</c>.
/// </summary>
/// <remarks>
/// The model, its migration and the SQL Hotline writes by hand are generated and tested without a server; this provider
/// has not yet run against a live SQL Server.
/// </remarks>
public sealed class SqlServerHotlineDbContext(DbContextOptions<SqlServerHotlineDbContext> options) : HotlineDbContext(options)
{
    /// <summary>
    /// The collation of every text column: code-point order and exact comparison, as SQLite's <c>BINARY</c> and
    /// PostgreSQL's deterministic collations compare. SQL Server's usual default (<c>..._CI_AS</c>) ignores case, so ids,
    /// bookmark hashes and user names that differ only in case would be equal, and unique indexes would refuse them.
    /// </summary>
    public const string TextCollation = "Latin1_General_100_BIN2";

    // A request carries at most 2,100 parameters, and sp_executesql, which runs a parameterised command, takes two of
    // them for the statement and the parameters' declarations.
    internal override int MaxCommandParameters => 2_098;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation(TextCollation);
    }
}
