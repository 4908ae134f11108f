using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Administration.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench.Administration;

/// <summary>
/// The 节假日历 screen's port (<see cref="IWorkbenchCalendar"/> as the host implements it): a year edited day by day
/// (<see cref="CalendarDraft"/>) and saved is the calendar's (the working days count it), with the calendar service's
/// warnings and field errors; administrators only.
/// </summary>
public abstract class WorkbenchCalendarTests : IAsyncLifetime
{
    /// <summary>November: the State Council has published next year's notice, so a missing 2027 is warned about.</summary>
    private static readonly DateTimeOffset November = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClaimsPrincipal Administrator = WorkbenchPeople.Person("admin-he", HotlineRoles.Administrator);
    private static readonly DateOnly NewYearsDay = new(2027, 1, 1);
    private static readonly DateOnly MakeUpSaturday = new(2027, 1, 9);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync() => _host = await LifecycleHost.StartAsync(November, OnPostgreSql);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<T> UseAsync<T>(Func<IWorkbenchCalendar, Task<T>> use) => WorkbenchPeople.UseAsync(_host.Factory, use);

    private static CalendarDraft Draft2027(string source = "国务院办公厅关于2027年部分节假日安排的通知（测试）")
    {
        var draft = CalendarDraft.Empty(2027);
        draft.Source = source;
        draft.Cycle(NewYearsDay);
        draft.Cycle(MakeUpSaturday);
        draft.Cycle(MakeUpSaturday);
        draft.Rename(0, "元旦");
        return draft;
    }

    [Fact]
    public async Task Should_count_the_holiday_and_the_make_up_day_When_an_administrator_saves_a_new_year_through_the_port()
    {
        Assert.Contains(await UseAsync(c => c.WarningsAsync(Administrator, default)), w => w.Year == 2027);

        var result = await UseAsync(c => c.SaveAsync(Administrator, Draft2027().ToYear(), default));

        Assert.Equal((true, true), (result!.Saved, result.Created));
        var saved = Assert.Single(await UseAsync(c => c.YearsAsync(Administrator, default)), y => y.Year == 2027);
        Assert.Equal([new Holiday("元旦", NewYearsDay, NewYearsDay)], saved.Holidays);
        Assert.Equal([MakeUpSaturday], saved.MakeUpWorkingDays);
        Assert.Equal("admin-he", saved.LoadedBy);
        var days = (await _host.Factory.Services.GetRequiredService<CalendarService>().GetCalendarAsync())
            .ListWorkingDays(NewYearsDay, MakeUpSaturday.AddDays(1));
        Assert.Equal([new(2027, 1, 4), new(2027, 1, 5), new(2027, 1, 6), new(2027, 1, 7), new(2027, 1, 8), MakeUpSaturday], days.Value);
        Assert.False(days.IsProvisional);
        Assert.DoesNotContain(await UseAsync(c => c.WarningsAsync(Administrator, default)), w => w.Year == 2027);
    }

    [Fact]
    public async Task Should_keep_the_year_as_it_was_When_a_stored_year_is_opened_and_saved_again()
    {
        var stored = Assert.Single(await UseAsync(c => c.YearsAsync(Administrator, default)), y => y.Year == 2026);

        var again = CalendarDraft.From(stored).ToYear();
        var result = await UseAsync(c => c.SaveAsync(Administrator, again, default));

        Assert.Equal((true, false), (result!.Saved, result.Created));
        Assert.Equal(stored.Holidays, again.Holidays);
        Assert.Equal(stored.MakeUpWorkingDays, again.MakeUpWorkingDays);
    }

    [Fact]
    public async Task Should_answer_the_services_field_errors_and_save_nothing_When_the_year_has_no_source_or_holiday_name()
    {
        var draft = Draft2027(source: " ");
        draft.Rename(0, "");

        var result = await UseAsync(c => c.SaveAsync(Administrator, draft.ToYear(), default));

        Assert.False(result!.Saved);
        Assert.Contains("source", result.Errors.Keys);
        Assert.Contains("holidays[0].name", result.Errors.Keys);
        Assert.DoesNotContain(await UseAsync(c => c.YearsAsync(Administrator, default)), y => y.Year == 2027);
    }

    [Theory]
    [InlineData(HotlineRoles.Supervisor)]
    [InlineData(HotlineRoles.Leader)]
    [InlineData(HotlineRoles.Operator)]
    [InlineData(HotlineRoles.Unit)]
    public async Task Should_give_nothing_and_save_nothing_When_someone_other_than_an_administrator_uses_the_port(string role)
    {
        var person = WorkbenchPeople.Person("not-admin", role, role == HotlineRoles.Unit ? "DH-CG" : null);

        Assert.Empty(await UseAsync(c => c.YearsAsync(person, default)));
        Assert.Empty(await UseAsync(c => c.WarningsAsync(person, default)));
        Assert.Null(await UseAsync(c => c.SaveAsync(person, Draft2027().ToYear(), default)));
        Assert.DoesNotContain(await UseAsync(c => c.YearsAsync(Administrator, default)), y => y.Year == 2027);
    }
}

/// <summary>The 节假日历 port on SQLite.</summary>
public sealed class SqliteWorkbenchCalendarTests : WorkbenchCalendarTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The 节假日历 port on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchCalendarTests : WorkbenchCalendarTests
{
    protected override bool OnPostgreSql => true;
}
