using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hotline.Domain.Calendar;

/// <summary>
/// One year of the State Council's holiday arrangements (国务院办公厅关于节假日安排的通知): the public holidays
/// (放假) and the weekend days declared working days (调休上班). Editable data: an administrator saves a new or
/// corrected year through the API, without a release.
/// </summary>
/// <remarks>
/// Every date lies in <see cref="Year"/>. A holiday that spans New Year (say 30 December to 1 January) is saved as
/// two ranges, each with its own year; its make-up day goes with the year it falls in.
/// </remarks>
public sealed class CalendarYear
{
    /// <summary>The Gregorian year, the key.</summary>
    public int Year { get; set; }

    /// <summary>Public holidays: every date in a range is a day off, weekend or not.</summary>
    public IReadOnlyList<Holiday> Holidays { get; set; } = [];

    /// <summary>Saturdays and Sundays declared working days (调休上班).</summary>
    public IReadOnlyList<DateOnly> MakeUpWorkingDays { get; set; } = [];

    /// <summary>Where the data comes from: the notice's title and address, and any cross-check.</summary>
    public string Source { get; set; } = "";

    /// <summary>When the year was saved.</summary>
    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>Who saved it: the administrator's API key name, or <see cref="CalendarService.SeedLoadedBy"/>.</summary>
    public string LoadedBy { get; set; } = "";
}

/// <summary>A public holiday: every date from <see cref="From"/> to <see cref="To"/> (both included) is a day off.</summary>
/// <param name="Name">The holiday's name, e.g. "Spring Festival (春节)".</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off.</param>
public sealed record Holiday(string Name, DateOnly From, DateOnly To)
{
    /// <summary>Number of days off, weekends included (the figure the State Council's notice gives).</summary>
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>Maps <see cref="CalendarYear"/> to <c>CalendarYears</c>: one row per year, holidays and make-up days as JSON.</summary>
internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        // A year holds about ten holidays and six make-up days and is always read whole: JSON, not child tables.
        builder.Property(y => y.Holidays).IsRequired().HasConversion(JsonConverter<Holiday>(), JsonComparer<Holiday>());
        builder.Property(y => y.MakeUpWorkingDays).IsRequired().HasConversion(JsonConverter<DateOnly>(), JsonComparer<DateOnly>());
        builder.Property(y => y.Source).IsRequired().HasMaxLength(CalendarYearValidator.MaxSourceLength);
        builder.Property(y => y.LoadedBy).IsRequired().HasMaxLength(200);
    }

    private static ValueConverter<IReadOnlyList<T>, string> JsonConverter<T>() => new(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>());

    private static ValueComparer<IReadOnlyList<T>> JsonComparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
        v => v.ToList());
}
