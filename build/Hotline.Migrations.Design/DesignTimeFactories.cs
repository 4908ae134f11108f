using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hotline.Migrations.Design;

/// <summary>Creates the SQLite context for `dotnet ef`; adding a migration opens no connection.</summary>
internal sealed class SqliteHotlineDbContextFactory : IDesignTimeDbContextFactory<SqliteHotlineDbContext>
{
    public SqliteHotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHotlineDbContext>().UseSqlite(HotlineDatabaseOptions.DefaultSqliteConnectionString).Options);
}

/// <summary>Creates the PostgreSQL context for `dotnet ef`; adding a migration opens no connection.</summary>
internal sealed class PostgreSqlHotlineDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlHotlineDbContext>
{
    public PostgreSqlHotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlHotlineDbContext>().UseNpgsql("Host=localhost;Database=hotline").Options);
}

/// <summary>Creates the SQL Server context for `dotnet ef`; adding a migration opens no connection.</summary>
internal sealed class SqlServerHotlineDbContextFactory : IDesignTimeDbContextFactory<SqlServerHotlineDbContext>
{
    public SqlServerHotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHotlineDbContext>().UseSqlServer("Server=localhost;Database=hotline;Integrated Security=true;TrustServerCertificate=true").Options);
}
