using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// <see cref="HotlineDbContext"/> on SQL Server; migrations in <c>Persistence/Migrations/SqlServer</c>. Moments are
/// <c>datetimeoffset</c>, strings <c>nvarchar</c>: Chinese text needs no collation of its own.
/// </summary>
/// <remarks>
/// The model, its migration and the SQL Hotline writes by hand are generated and tested without a server; this provider
/// has not yet run against a live SQL Server.
/// </remarks>
public sealed class SqlServerHotlineDbContext(DbContextOptions<SqlServerHotlineDbContext> options) : HotlineDbContext(options);
