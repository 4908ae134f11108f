using Hotline.Domain.Calendar;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

/// <summary>Hour-based limits (签收 within 2 working hours) on the default day: 09:00–12:00 and 13:30–17:30, Beijing time.</summary>
public sealed class WorkingHoursTests
{
    private readonly WorkingDayCalendar _calendar = ShippedCalendar2025And2026();

    [Theory]
    [InlineData("2025-03-04 11:00", 2, "2025-03-04 14:30")] // across lunch: 1 h before, 1 h after
    [InlineData("2025-03-04 10:00", 2, "2025-03-04 12:00")] // ends exactly at the lunch break
    [InlineData("2025-03-04 12:30", 2, "2025-03-04 15:30")] // starts in the lunch break
    [InlineData("2025-03-04 08:00", 2, "2025-03-04 11:00")] // starts before the working day
    [InlineData("2025-03-04 16:30", 2, "2025-03-05 10:00")] // across an evening
    [InlineData("2025-03-04 19:00", 2, "2025-03-05 11:00")] // starts in the evening
    [InlineData("2025-03-07 17:00", 2, "2025-03-10 10:30")] // Friday afternoon, across the weekend
    [InlineData("2025-03-08 10:00", 2, "2025-03-10 11:00")] // starts on a Saturday
    [InlineData("2026-02-13 17:00", 2, "2026-02-14 10:30")] // into the make-up Saturday
    [InlineData("2026-02-14 17:00", 2, "2026-02-24 10:30")] // across the whole Spring Festival
    [InlineData("2025-09-30 16:00", 2, "2025-10-09 09:30")] // across National Day
    [InlineData("2025-03-04 09:00", 7, "2025-03-04 17:30")] // one whole working day
    [InlineData("2025-03-04 09:00", 8, "2025-03-05 10:00")]
    public void Should_count_only_working_time_When_adding_working_hours(string start, int hours, string due)
    {
        var result = _calendar.AddWorkingHours(At(start), TimeSpan.FromHours(hours));

        Assert.Equal(At(due), result.Value);
        Assert.Equal(Beijing, result.Value.Offset);
        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void Should_reckon_in_Beijing_time_When_the_start_is_given_in_UTC()
    {
        // 03:00 UTC is 11:00 in Beijing.
        var result = _calendar.AddWorkingHours(new DateTimeOffset(2025, 3, 4, 3, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 14, 30, 0, Beijing), result.Value);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 6, 30, 0, TimeSpan.Zero), result.Value.ToUniversalTime());
    }

    [Fact]
    public void Should_count_minutes_When_the_limit_is_not_whole_hours()
    {
        var result = _calendar.AddWorkingHours(At("2025-03-04 11:45"), TimeSpan.FromMinutes(30));

        Assert.Equal(At("2025-03-04 13:45"), result.Value);
    }

    [Fact]
    public void Should_be_provisional_When_working_hours_run_into_a_year_with_no_calendar()
    {
        var result = _calendar.AddWorkingHours(At("2026-12-31 17:00"), TimeSpan.FromHours(2));

        Assert.Equal(At("2027-01-01 10:30"), result.Value);
        Assert.Equal([2027], result.AssumedYears);
    }

    [Fact]
    public void Should_use_the_configured_day_When_the_lunch_break_is_shorter()
    {
        var hours = new CalendarOptions { MorningStart = new(8, 30), MorningEnd = new(12, 0), AfternoonStart = new(12, 0), AfternoonEnd = new(17, 0) }.ToWorkingHours();
        var calendar = new WorkingDayCalendar(Shipped(), hours);

        Assert.Equal(At("2025-03-04 13:00"), calendar.AddWorkingHours(At("2025-03-04 11:00"), TimeSpan.FromHours(2)).Value);
        Assert.Equal(At("2025-03-05 09:30"), calendar.AddWorkingHours(At("2025-03-04 16:00"), TimeSpan.FromHours(2)).Value);
    }

    [Fact]
    public void Should_return_the_start_When_the_limit_is_zero_and_refuse_When_negative()
    {
        Assert.Equal(At("2025-03-08 10:00"), _calendar.AddWorkingHours(At("2025-03-08 10:00"), TimeSpan.Zero).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingHours(At("2025-03-04 10:00"), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void Should_name_each_setting_When_the_working_day_is_not_valid()
    {
        var options = new CalendarOptions { TimeZone = "Mars/Olympus", MorningStart = new(12, 0), MorningEnd = new(9, 0), AfternoonStart = new(8, 0), AfternoonEnd = new(7, 0) };

        var result = new CalendarOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Hotline:Calendar:TimeZone", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Hotline:Calendar:MorningStart", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Hotline:Calendar:MorningEnd", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Hotline:Calendar:AfternoonStart", StringComparison.Ordinal));
        Assert.True(new CalendarOptionsValidator().Validate(null, new CalendarOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Hotline:Calendar:TimeZone", "Mars/Olympus", "Hotline:Calendar:TimeZone 'Mars/Olympus'")]
    [InlineData("Hotline:Calendar:AfternoonStart", "11:00", "Hotline:Calendar:MorningEnd (12:00) must not be after AfternoonStart (11:00)")]
    public void Should_refuse_to_start_the_host_When_a_calendar_setting_is_not_valid(string setting, string value, string message)
    {
        using var factory = new HotlineFactory();
        var host = factory.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
            error = aggregate.InnerExceptions[0];
        Assert.Contains(message, Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_bind_the_working_day_When_it_is_configured()
    {
        using var factory = new HotlineFactory();
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Calendar:MorningStart", "08:30").UseSetting("Hotline:Calendar:AfternoonEnd", "18:00"));

        var options = host.Services.GetRequiredService<IOptions<CalendarOptions>>().Value;

        Assert.Equal(new TimeOnly(8, 30), options.MorningStart);
        Assert.Equal(new TimeOnly(18, 0), options.AfternoonEnd);
        Assert.Equal("Asia/Shanghai", options.TimeZone);
    }

    [Fact]
    public void Should_find_China_Standard_Time_When_using_the_default_time_zone()
    {
        var zone = new CalendarOptions().ToWorkingHours().TimeZone;

        Assert.Equal(Beijing, zone.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Unspecified)));
        // China has kept UTC+8 all year since 1992 (the zone knows of 1986–1991 summer time, so it "supports" it).
        Assert.Equal(Beijing, zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Unspecified)));
    }
}
