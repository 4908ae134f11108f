using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// <see cref="HotlineDbContext"/> on PostgreSQL; migrations in <c>Persistence/Migrations/PostgreSql</c>.
/// Moments are <c>timestamp with time zone</c>, which Npgsql writes only from offset-zero values, so rows hold UTC.
/// </summary>
public sealed class PostgreSqlHotlineDbContext(DbContextOptions<PostgreSqlHotlineDbContext> options) : HotlineDbContext(options)
{
    // The wire protocol counts a statement's parameters in 16 bits (counted per command, stricter).
    internal override int MaxCommandParameters => 65_535;
}
