using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotline.Domain.Persistence;

/// <summary><see cref="HotlineDbContext"/> on SQLite; migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteHotlineDbContext(DbContextOptions<SqliteHotlineDbContext> options) : HotlineDbContext(options)
{
    // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32 (a limit per statement: counted per command, stricter).
    internal override int MaxCommandParameters => 32_766;

    /// <inheritdoc />
    /// <remarks>A context put back in the pool with its transaction still open gives back the write gate (<see cref="SqliteWriteGate"/>).</remarks>
    public override void Dispose()
    {
        SqliteWriteGate.Instance.Leave(this);
        base.Dispose();
    }

    /// <inheritdoc />
    /// <remarks>A context put back in the pool with its transaction still open gives back the write gate (<see cref="SqliteWriteGate"/>).</remarks>
    public override ValueTask DisposeAsync()
    {
        SqliteWriteGate.Instance.Leave(this);
        return base.DisposeAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type: EF stores DateTimeOffset as text and refuses to ORDER BY or compare it.
        // UTC ticks in an INTEGER column sort and compare correctly (timer bookmarks are queried by due time).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>Stores a moment as its UTC ticks; reads it back with offset zero.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
