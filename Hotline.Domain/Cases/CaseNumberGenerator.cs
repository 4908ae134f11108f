using System.Globalization;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Cases;

/// <summary>
/// Gives out case numbers <c>yyyyMMdd-nnnnnn</c>: the local date in the hotline's time zone and a per-day counter.
/// </summary>
/// <remarks>
/// One statement takes the number: an insert of the day's counter row that, when the row exists, increments it instead
/// and returns the new value (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, the same SQL on SQLite and PostgreSQL;
/// on SQL Server a <c>MERGE … WITH (HOLDLOCK) … OUTPUT</c>).
/// It runs on the scope's context (a burst's) but in its own implicit transaction, outside the change tracker: the number
/// is committed at once, so concurrent registrations never wait for each other's bursts, and a burst that then fails
/// or is retried leaves a gap in the day's numbers. Numbers are unique, not gapless.
/// </remarks>
public sealed class CaseNumberGenerator(HotlineDbContext db, TimeProvider clock, IOptions<CaseOptions> options)
{
    /// <summary>The largest number of a day (six digits).</summary>
    public const int MaxPerDay = 999_999;

    private readonly TimeZoneInfo _timeZone = options.Value.ResolveTimeZone();

    /// <summary>The next number for today.</summary>
    public Task<string> NextAsync(CancellationToken cancellationToken = default) => NextAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>The next number for the local date of <paramref name="at"/>.</summary>
    public async Task<string> NextAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var day = TimeZoneInfo.ConvertTime(at, _timeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql(db);
            var parameter = command.CreateParameter();
            parameter.ParameterName = "day";
            parameter.Value = day;
            command.Parameters.Add(parameter);
            var number = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return number <= MaxPerDay ? Format(day, number) : throw new InvalidOperationException($"All {MaxPerDay} case numbers of {day} are used.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Formats a number: <c>20261121-000123</c>.</summary>
    public static string Format(string day, int number) => $"{day}-{number.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>The statement that takes the next number of the day in parameter <c>@day</c>, for <paramref name="db"/>'s provider.</summary>
    internal static string Sql(HotlineDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(CaseNumberCounter))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var dayColumn = sql.DelimitIdentifier(entity.FindProperty(nameof(CaseNumberCounter.Day))!.GetColumnName());
        var last = sql.DelimitIdentifier(entity.FindProperty(nameof(CaseNumberCounter.LastNumber))!.GetColumnName());
        // HOLDLOCK keeps the key range locked from the match to the insert: without it two first registrations of a
        // day can both find no row and both insert.
        if (db is SqlServerHotlineDbContext)
        {
            return $"MERGE {table} WITH (HOLDLOCK) AS t USING (SELECT @day AS {dayColumn}) AS s ON t.{dayColumn} = s.{dayColumn} " +
                $"WHEN MATCHED THEN UPDATE SET t.{last} = t.{last} + 1 WHEN NOT MATCHED THEN INSERT ({dayColumn}, {last}) VALUES (s.{dayColumn}, 1) " +
                $"OUTPUT inserted.{last};";
        }

        return $"INSERT INTO {table} ({dayColumn}, {last}) VALUES (@day, 1) ON CONFLICT ({dayColumn}) DO UPDATE SET {last} = {table}.{last} + 1 RETURNING {last}";
    }
}
