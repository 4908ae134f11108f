using Hotline.Domain.Calendar;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

public sealed class CalendarYearValidatorTests
{
    [Fact]
    public void Should_find_no_errors_When_validating_the_shipped_years_and_the_test_2027()
    {
        foreach (var year in Shipped())
            Assert.Empty(CalendarYearValidator.Validate(year, 248));
        Assert.Empty(CalendarYearValidator.Validate(Hypothetical2027()));
    }

    [Fact]
    public void Should_name_the_field_When_a_holiday_date_is_outside_the_year()
    {
        var year = With(h: [new Holiday("New Year", D("2026-12-31"), D("2027-01-01"))]);

        var errors = CalendarYearValidator.Validate(year);

        Assert.Contains("2026-12-31 is not in 2027", Assert.Single(errors["holidays[0].from"]), StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("holidays[0].to"));
    }

    [Fact]
    public void Should_name_the_end_When_a_holiday_range_is_reversed()
    {
        var errors = CalendarYearValidator.Validate(With(h: [new Holiday("Labour Day", D("2027-05-05"), D("2027-05-01"))]));

        Assert.Contains("before it starts", Assert.Single(errors["holidays[0].to"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_make_up_day_When_it_is_a_weekday_inside_a_holiday_outside_the_year_or_listed_twice()
    {
        var year = With(
            h: [new Holiday("New Year", D("2027-01-01"), D("2027-01-03"))],
            m: [D("2027-01-04"), D("2027-01-02"), D("2026-12-26"), D("2027-01-09"), D("2027-01-09")]);

        var errors = CalendarYearValidator.Validate(year);

        Assert.Contains("Monday", errors["makeUpWorkingDays[0]"][0], StringComparison.Ordinal);
        Assert.Contains("inside holiday 'New Year'", errors["makeUpWorkingDays[1]"][0], StringComparison.Ordinal);
        Assert.Contains("not in 2027", errors["makeUpWorkingDays[2]"][0], StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("makeUpWorkingDays[3]"));
        Assert.Contains("listed twice", errors["makeUpWorkingDays[4]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_the_second_holiday_When_two_holidays_share_a_date()
    {
        var year = With(h: [new Holiday("A", D("2027-05-01"), D("2027-05-05")), new Holiday("B", D("2027-05-05"), D("2027-05-06"))]);

        var errors = CalendarYearValidator.Validate(year);

        Assert.Contains("overlaps holiday 'A'", Assert.Single(errors["holidays[1].from"]), StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void Should_require_a_source_a_holiday_name_and_a_holiday_When_they_are_missing()
    {
        var errors = CalendarYearValidator.Validate(With(h: [new Holiday(" ", D("2027-05-01"), D("2027-05-01"))], source: ""));
        var none = CalendarYearValidator.Validate(With(h: []));

        Assert.True(errors.ContainsKey("source"));
        Assert.True(errors.ContainsKey("holidays[0].name"));
        Assert.True(none.ContainsKey("holidays"));
    }

    [Fact]
    public void Should_refuse_the_year_When_it_is_out_of_range()
    {
        Assert.True(CalendarYearValidator.Validate(new CalendarYear { Year = 1999, Source = "x" }).ContainsKey("year"));
        Assert.True(CalendarYearValidator.Validate(new CalendarYear { Year = 2101, Source = "x" }).ContainsKey("year"));
    }

    [Fact]
    public void Should_report_the_count_When_the_stated_working_days_differ()
    {
        var year = Shipped()[0];
        year.MakeUpWorkingDays = [.. year.MakeUpWorkingDays.Skip(1)];

        var errors = CalendarYearValidator.Validate(year, 248);

        Assert.Contains("247 working days", Assert.Single(errors["workingDaysInYear"]), StringComparison.Ordinal);
    }

    private static CalendarYear With(IReadOnlyList<Holiday>? h = null, IReadOnlyList<DateOnly>? m = null, string source = "test") => new()
    {
        Year = 2027,
        Source = source,
        Holidays = h ?? [new Holiday("New Year", D("2027-01-01"), D("2027-01-03"))],
        MakeUpWorkingDays = m ?? [],
    };
}
