using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

/// <summary>What every <see cref="ICalendarYearStore"/> must do; run against memory, SQLite and PostgreSQL.</summary>
public abstract class CalendarYearStoreContract : IAsyncLifetime
{
    private ICalendarYearStore _store = null!;

    protected abstract Task<ICalendarYearStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_keep_names_dates_and_stamps_When_a_year_is_saved_and_loaded()
    {
        var year = Hypothetical2027();
        year.LoadedAt = new DateTimeOffset(2026, 11, 20, 3, 4, 5, TimeSpan.Zero);
        year.LoadedBy = "admin-zhang";

        Assert.True(await _store.SaveAsync(year));

        var loaded = Assert.Single(await _store.LoadAllAsync());
        Assert.Equal(2027, loaded.Year);
        Assert.Equal(year.Holidays, loaded.Holidays);
        Assert.Equal("Spring Festival (春节)", loaded.Holidays[1].Name);
        Assert.Equal(year.MakeUpWorkingDays, loaded.MakeUpWorkingDays);
        Assert.Equal(year.Source, loaded.Source);
        Assert.Equal(year.LoadedAt, loaded.LoadedAt);
        Assert.Equal("admin-zhang", loaded.LoadedBy);
    }

    [Fact]
    public async Task Should_replace_the_year_and_report_it_existed_When_saving_it_again()
    {
        var year = Hypothetical2027();
        year.LoadedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        year.LoadedBy = "a";
        await _store.SaveAsync(year);
        year.MakeUpWorkingDays = [D("2027-02-20")];
        year.LoadedBy = "b";

        var created = await _store.SaveAsync(year);

        Assert.False(created);
        var loaded = Assert.Single(await _store.LoadAllAsync());
        Assert.Equal([D("2027-02-20")], loaded.MakeUpWorkingDays);
        Assert.Equal("b", loaded.LoadedBy);
    }

    [Fact]
    public async Task Should_seed_only_an_empty_store_When_seeding()
    {
        await _store.SeedAsync(Shipped());
        var other = Hypothetical2027();
        other.LoadedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        other.LoadedBy = "seed";

        await _store.SeedAsync([other]);

        Assert.Equal([2025, 2026], (await _store.LoadAllAsync()).Select(y => y.Year));
    }
}

public sealed class MemoryCalendarYearStoreTests : CalendarYearStoreContract
{
    protected override Task<ICalendarYearStore> CreateStoreAsync() => Task.FromResult<ICalendarYearStore>(new MemoryCalendarYearStore());
}

public sealed class SqliteCalendarYearStoreTests : CalendarYearStoreContract
{
    private readonly TempDirectory _directory = new();
    private ServiceProvider? _services;

    protected override async Task<ICalendarYearStore> CreateStoreAsync()
    {
        _services = await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(_directory.Path, "hotline.db"));
        return new EfCalendarYearStore(_services.GetRequiredService<IDbContextFactory<HotlineDbContext>>());
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await _directory.DisposeAsync();
    }
}

public sealed class PostgreSqlCalendarYearStoreTests : CalendarYearStoreContract
{
    private PostgresDatabase? _database;
    private ServiceProvider? _services;

    protected override async Task<ICalendarYearStore> CreateStoreAsync()
    {
        _database = await PostgresDatabase.CreateMigratedAsync();
        _services = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, _database.ConnectionString);
        return new EfCalendarYearStore(_services.GetRequiredService<IDbContextFactory<HotlineDbContext>>());
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
