namespace Hotline.Domain.Persistence;

/// <summary>Which database Hotline stores its workflows and cases in; bound from <c>Hotline:Database</c>.</summary>
public sealed class HotlineDatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Database";

    /// <summary>The SQLite database used when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/hotline.db";

    /// <summary>The database engine; SQLite by default, PostgreSQL in production, SQL Server where that is the house database.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Optional for SQLite (<see cref="DefaultSqliteConnectionString"/>; a relative
    /// <c>Data Source</c> is resolved against the content root), required for PostgreSQL and SQL Server.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long start-up waits for an unreachable database.</summary>
    public DatabaseStartupRetryOptions StartupRetry { get; set; } = new();
}

/// <summary>The database engines Hotline has migrations for.</summary>
public enum DatabaseProvider
{
    /// <summary>
    /// An embedded SQLite file: no server to run, one writer at a time. Write-ahead logging with
    /// <c>synchronous=NORMAL</c>: a power cut may lose the last commits (see <see cref="SqliteConnectionSettingsInterceptor"/>).
    /// </summary>
    Sqlite,

    /// <summary>PostgreSQL 15 or later.</summary>
    PostgreSql,

    /// <summary>
    /// SQL Server 2019 or later, with Full-Text Search installed (the migration creates full-text indexes). Its model,
    /// migration and hand-written SQL are tested without a server: not yet run against a live SQL Server.
    /// </summary>
    SqlServer,
}
