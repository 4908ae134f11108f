using Hotline.Domain.Calendar;
using Hotline.Host.Tests.Infrastructure;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = ShippedCalendar2025And2026();

    [Theory]
    [InlineData("2025-01-24", 1, "2025-01-26")] // Fri → make-up Sunday
    [InlineData("2025-09-30", 3, "2025-10-11")] // Tue → make-up Saturday after National Day
    [InlineData("2025-12-31", 1, "2026-01-04")] // Wed → across New Year into the next year's make-up Sunday
    [InlineData("2026-02-13", 2, "2026-02-24")] // Fri → make-up Saturday, then the whole Spring Festival
    [InlineData("2026-09-30", 5, "2026-10-13")] // Wed → across National Day and the make-up Saturday
    public void Should_give_the_due_date_of_DOMAIN_md_When_adding_working_days_to_a_worked_example(string start, int days, string due)
    {
        var result = _calendar.AddWorkingDays(D(start), days);

        Assert.Equal(D(due), result.Value);
        Assert.False(result.IsProvisional);
        Assert.Equal(days, _calendar.WorkingDaysBetween(D(start), result.Value).Value);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Should_count_248_working_days_When_listing_a_whole_shipped_year(int year)
    {
        var result = _calendar.ListWorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        Assert.Equal(248, result.Value.Count);
        Assert.False(result.IsProvisional);
        Assert.Equal(248, _calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).Value);
    }

    [Fact]
    public void Should_list_exactly_the_calendar_When_listing_2025_01_20_to_2025_02_10()
    {
        var result = _calendar.ListWorkingDays(D("2025-01-20"), D("2025-02-10"));

        // Spring Festival 28 Jan – 4 Feb off; Sunday 26 Jan and Saturday 8 Feb are make-up working days.
        string[] expected = ["2025-01-20", "2025-01-21", "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-26", "2025-01-27",
            "2025-02-05", "2025-02-06", "2025-02-07", "2025-02-08", "2025-02-10"];
        Assert.Equal(expected, result.Value.Select(Text));
        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void Should_skip_every_day_of_the_2026_Spring_Festival_When_classifying_and_counting()
    {
        for (var d = D("2026-02-15"); d <= D("2026-02-23"); d = d.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(d).Value, $"{Text(d)} is in the Spring Festival");
            Assert.Equal(D("2026-02-24"), _calendar.AddWorkingDays(d, 1).Value);
        }

        Assert.True(_calendar.IsWorkingDay(D("2026-02-14")).Value); // make-up Saturday before
        Assert.True(_calendar.IsWorkingDay(D("2026-02-28")).Value); // make-up Saturday after
        string[] expected = ["2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14",
            "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28"];
        Assert.Equal(expected, _calendar.ListWorkingDays(D("2026-02-09"), D("2026-03-01")).Value.Select(Text));
        Assert.Equal(D("2026-02-28"), _calendar.AddWorkingDays(D("2026-02-13"), 6).Value);
    }

    [Fact]
    public void Should_count_the_make_up_Saturday_When_a_deadline_runs_over_it()
    {
        // Sat 2025-02-08 is a working day; the ordinary Saturday a week later is not.
        Assert.Equal(D("2025-02-08"), _calendar.AddWorkingDays(D("2025-02-07"), 1).Value);
        Assert.Equal(D("2025-02-17"), _calendar.AddWorkingDays(D("2025-02-14"), 1).Value);
        Assert.True(_calendar.IsWorkingDay(D("2025-02-08")).Value);
        Assert.False(_calendar.IsWorkingDay(D("2025-02-15")).Value);
    }

    [Theory]
    [InlineData("2025-03-01", 1, "2025-03-03")] // Saturday: Monday is the first day counted
    [InlineData("2025-03-02", 1, "2025-03-03")] // Sunday
    [InlineData("2025-02-28", 1, "2025-03-03")] // the Friday before gives the same due date
    [InlineData("2025-03-01", 5, "2025-03-07")]
    [InlineData("2025-10-04", 1, "2025-10-09")] // a Saturday inside National Day: counting starts after the holiday
    public void Should_count_from_the_next_working_day_When_the_start_is_not_a_working_day(string start, int days, string due)
    {
        Assert.Equal(D(due), _calendar.AddWorkingDays(D(start), days).Value);
    }

    [Fact]
    public void Should_mark_the_result_provisional_When_it_reaches_into_a_year_with_no_calendar()
    {
        var due = _calendar.AddWorkingDays(D("2026-12-31"), 1);
        var inside = _calendar.AddWorkingDays(D("2026-12-28"), 3);

        Assert.Equal(D("2027-01-01"), due.Value); // a Friday, assumed working
        Assert.True(due.IsProvisional);
        Assert.Equal([2027], due.AssumedYears);
        Assert.Equal(D("2026-12-31"), inside.Value);
        Assert.False(inside.IsProvisional);
        Assert.True(_calendar.IsWorkingDay(D("2027-01-01")).IsProvisional);
        Assert.True(_calendar.ListWorkingDays(D("2026-12-30"), D("2027-01-04")).IsProvisional);
        Assert.Equal([2024], _calendar.WorkingDaysBetween(D("2024-12-30"), D("2025-01-02")).AssumedYears);
    }

    [Fact]
    public void Should_give_a_different_date_that_is_not_provisional_When_the_missing_year_is_loaded()
    {
        var before = _calendar.AddWorkingDays(D("2026-12-31"), 1);
        var after = new WorkingDayCalendar([.. Shipped(), Hypothetical2027()]).AddWorkingDays(D("2026-12-31"), 1);

        Assert.True(before.IsProvisional);
        Assert.False(after.IsProvisional);
        Assert.Equal(D("2027-01-04"), after.Value);
        Assert.NotEqual(before.Value, after.Value);
    }

    [Fact]
    public void Should_count_back_over_holidays_When_the_number_of_working_days_is_negative()
    {
        Assert.Equal(D("2026-02-14"), _calendar.AddWorkingDays(D("2026-02-24"), -1).Value);
        Assert.Equal(D("2025-09-30"), _calendar.AddWorkingDays(D("2025-10-11"), -3).Value);
        Assert.Equal(-2, _calendar.WorkingDaysBetween(D("2026-02-24"), D("2026-02-13")).Value);
    }

    [Fact]
    public void Should_return_the_start_When_adding_zero_working_days()
    {
        Assert.Equal(D("2025-10-01"), _calendar.AddWorkingDays(D("2025-10-01"), 0).Value);
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-01")).Value);
    }

    [Fact]
    public void Should_include_holidays_and_never_be_provisional_When_adding_calendar_days()
    {
        var result = WorkingDayCalendar.AddCalendarDays(D("2026-09-30"), 7);

        Assert.Equal(D("2026-10-07"), result.Value);
        Assert.False(result.IsProvisional);
        Assert.Equal(D("2027-01-30"), WorkingDayCalendar.AddCalendarDays(D("2026-12-31"), 30).Value);
    }

    [Fact]
    public void Should_refuse_the_range_When_it_is_reversed_or_the_count_too_large()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.ListWorkingDays(D("2025-02-10"), D("2025-01-20")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2025-01-01"), WorkingDayCalendar.MaxWorkingDays + 1));
    }

    [Fact]
    public void Should_ship_the_product_owners_file_unchanged_When_embedding_the_calendar()
    {
        using var embedded = typeof(ShippedCalendar).Assembly.GetManifestResourceStream(ShippedCalendar.ResourceName)!;
        using var reader = new StreamReader(embedded);

        Assert.Equal(File.ReadAllText(SharedFiles.Path("data", "cn-holidays-2025-2026.json")), reader.ReadToEnd());
        Assert.Equal([2025, 2026], Shipped().Select(y => y.Year));
    }
}
