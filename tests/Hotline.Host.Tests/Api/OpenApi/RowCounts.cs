using System.Data.Common;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>The number of rows in every table of the model, read in one statement.</summary>
public static class RowCounts
{
    /// <summary>Table name → rows.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(IDbContextFactory<HotlineDbContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema())).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The statement is built from the model's table names only.
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM {sql.DelimitIdentifier(t.Name, t.Schema)})"));
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return tables.Select((t, i) => (t.Name, Count: Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(t => t.Name, t => t.Count, StringComparer.Ordinal);
    }

    /// <summary>The tables whose counts differ, as <c>Table: before → after</c>.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}")];
    }
}
