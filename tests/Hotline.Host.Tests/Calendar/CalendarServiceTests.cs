using Hotline.Domain.Calendar;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

public sealed class CalendarServiceTests : IDisposable
{
    private readonly MemoryCalendarYearStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly RecordingListener _listener = new();
    private readonly ServiceProvider _services;
    private readonly CalendarService _service;

    public CalendarServiceTests()
    {
        _services = new ServiceCollection().AddSingleton<ICalendarYearListener>(_listener).BuildServiceProvider();
        _service = new CalendarService(_store, Options.Create(new CalendarOptions()), _clock, _services.GetRequiredService<IServiceScopeFactory>(), NullLogger<CalendarService>.Instance);
        _listener.Service = _service;
    }

    public void Dispose()
    {
        _service.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Should_seed_2025_and_2026_When_the_store_has_no_calendar()
    {
        var years = await _service.ListYearsAsync();

        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.All(years, y => Assert.Equal(CalendarService.SeedLoadedBy, y.LoadedBy));
        Assert.Equal([2025, 2026], (await _store.LoadAllAsync()).Select(y => y.Year));
        Assert.Equal(D("2026-02-24"), (await _service.GetCalendarAsync()).AddWorkingDays(D("2026-02-13"), 2).Value);
    }

    [Fact]
    public async Task Should_not_seed_When_the_store_already_has_a_year()
    {
        await _store.SaveAsync(Hypothetical2027());

        var calendar = await _service.GetCalendarAsync();

        Assert.Equal([2027], calendar.LoadedYears);
    }

    [Fact]
    public async Task Should_recompute_a_provisional_deadline_and_notify_listeners_When_2027_is_saved()
    {
        var before = (await _service.GetCalendarAsync()).AddWorkingDays(D("2026-12-31"), 1);

        var result = await _service.SaveYearAsync(Hypothetical2027(), "admin");

        var after = (await _service.GetCalendarAsync()).AddWorkingDays(D("2026-12-31"), 1);
        Assert.True(result.Saved);
        Assert.True(result.Created);
        Assert.True(before.IsProvisional);
        Assert.Equal(D("2027-01-01"), before.Value);
        Assert.False(after.IsProvisional);
        Assert.Equal(D("2027-01-04"), after.Value);
        Assert.Equal([2027], _listener.Years);
        Assert.Equal(D("2027-01-04"), _listener.DueSeenByListener);
        var saved = await _service.FindYearAsync(2027);
        Assert.Equal("admin", saved!.LoadedBy);
        Assert.Equal(_clock.GetUtcNow(), saved.LoadedAt);
    }

    [Fact]
    public async Task Should_replace_the_year_When_a_corrected_year_is_saved()
    {
        var corrected = Shipped()[1];
        corrected.MakeUpWorkingDays = [.. corrected.MakeUpWorkingDays.Where(d => d != D("2026-02-14"))];

        var result = await _service.SaveYearAsync(corrected, "admin");

        Assert.True(result.Saved);
        Assert.False(result.Created);
        Assert.Equal(D("2026-02-24"), (await _service.GetCalendarAsync()).AddWorkingDays(D("2026-02-13"), 1).Value);
        Assert.Equal(5, (await _service.FindYearAsync(2026))!.MakeUpWorkingDays.Count);
        Assert.Equal([2026], _listener.Years);
    }

    [Fact]
    public async Task Should_return_the_errors_and_save_nothing_When_the_year_is_not_valid()
    {
        var year = Hypothetical2027();
        year.MakeUpWorkingDays = [D("2027-01-05")];

        var result = await _service.SaveYearAsync(year, "admin");

        Assert.False(result.Saved);
        Assert.True(result.Errors.ContainsKey("makeUpWorkingDays[0]"));
        Assert.Null(await _service.FindYearAsync(2027));
        Assert.Empty(_listener.Years);
    }

    [Fact]
    public async Task Should_keep_the_saved_year_When_a_listener_fails()
    {
        _listener.Fail = true;

        var result = await _service.SaveYearAsync(Hypothetical2027(), "admin");

        Assert.True(result.Saved);
        Assert.NotNull(await _service.FindYearAsync(2027));
        Assert.Equal([2027], _listener.Years);
    }

    [Fact]
    public async Task Should_read_the_store_again_When_the_refresh_interval_has_passed()
    {
        await _service.GetCalendarAsync();
        await _store.SaveAsync(Hypothetical2027()); // saved by another host

        var cached = await _service.GetCalendarAsync();
        _clock.Advance(new CalendarOptions().RefreshInterval);
        var refreshed = await _service.GetCalendarAsync();

        Assert.False(cached.IsLoaded(2027));
        Assert.True(refreshed.IsLoaded(2027));
    }

    [Theory]
    [InlineData("2026-10-31T15:59:00Z", new int[0])] // 23:59 on 31 October in Beijing
    [InlineData("2026-10-31T16:00:00Z", new[] { 2027 })] // midnight, 1 November in Beijing
    [InlineData("2026-12-31T12:00:00Z", new[] { 2027 })]
    [InlineData("2027-03-01T00:00:00Z", new[] { 2027 })] // this year itself is missing
    [InlineData("2026-03-02T01:00:00Z", new int[0])]
    public async Task Should_warn_about_the_missing_years_deadlines_need_When_asked_on_a_given_day(string now, int[] expected)
    {
        _clock.Advance(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) - _clock.GetUtcNow());

        var warnings = await _service.GetWarningsAsync();

        Assert.Equal(expected, warnings.Select(w => w.Year));
        Assert.All(warnings, w => Assert.Contains($"PUT /api/calendar/years/{w.Year}", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_stop_warning_When_next_year_is_saved()
    {
        _clock.Advance(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero) - _clock.GetUtcNow());
        Assert.Single(await _service.GetWarningsAsync());

        await _service.SaveYearAsync(Hypothetical2027(), "admin");

        Assert.Empty(await _service.GetWarningsAsync());
    }

    private sealed class RecordingListener : ICalendarYearListener
    {
        public CalendarService? Service { get; set; }

        public List<int> Years { get; } = [];

        public DateOnly? DueSeenByListener { get; private set; }

        public bool Fail { get; set; }

        public async Task OnYearLoadedAsync(int year, CancellationToken cancellationToken = default)
        {
            Years.Add(year);
            if (Fail)
                throw new InvalidOperationException("listener failed");
            if (Service is not null)
                DueSeenByListener = (await Service.GetCalendarAsync(cancellationToken)).AddWorkingDays(D("2026-12-31"), 1).Value;
        }
    }
}
