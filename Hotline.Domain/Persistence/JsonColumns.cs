using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Maps small lists and records to JSON text columns. Text rather than <c>jsonb</c> so that both providers and both
/// migrations have the same shape; nothing queries inside these values.
/// </summary>
internal static class JsonColumns
{
    // Enums by name: the stored JSON stays readable and survives reordering an enum.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A list of values as a JSON array; compared by content so that changing an element is saved.</summary>
    public static PropertyBuilder<List<T>> HasJsonListConversion<T>(this PropertyBuilder<List<T>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Options),
                v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    v => v.ToList()))
            .IsRequired();
        return property;
    }

    /// <summary>An immutable record as a JSON object (records compare by value, so no comparer is needed).</summary>
    public static PropertyBuilder<T?> HasJsonRecordConversion<T>(this PropertyBuilder<T?> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, Options),
            v => v == null ? null : JsonSerializer.Deserialize<T>(v, Options));
        return property;
    }
}
