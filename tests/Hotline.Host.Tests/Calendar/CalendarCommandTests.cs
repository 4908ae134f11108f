using System.Diagnostics;
using Hotline.Domain.Calendar;
using Hotline.Host.Cli;
using Hotline.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

/// <summary>The <c>calendar</c> verbs, in process on a temporary SQLite database named by a trailing setting.</summary>
public sealed class CalendarCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-calendar-cli-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "hotline.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Should_print_one_date_a_line_exactly_as_the_calendar_When_listing_2025_01_20_to_2025_02_10()
    {
        var (exitCode, stdout, stderr) = await RunAsync("list-working-days", "2025-01-20", "2025-02-10");

        Assert.Equal(0, exitCode);
        Assert.Equal("2025-01-20\n2025-01-21\n2025-01-22\n2025-01-23\n2025-01-24\n2025-01-26\n2025-01-27\n2025-02-05\n2025-02-06\n2025-02-07\n2025-02-08\n2025-02-10\n", stdout);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData("2025-01-24", "1", "2025-01-26")]
    [InlineData("2025-09-30", "3", "2025-10-11")]
    [InlineData("2025-12-31", "1", "2026-01-04")]
    [InlineData("2026-02-13", "2", "2026-02-24")]
    [InlineData("2026-09-30", "5", "2026-10-13")]
    public async Task Should_print_the_due_date_When_adding_working_days_to_a_worked_example(string date, string days, string due)
    {
        var (exitCode, stdout, stderr) = await RunAsync("add-working-days", date, days);

        Assert.Equal(0, exitCode);
        Assert.Equal(due + "\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Should_warn_on_stderr_When_the_due_date_is_provisional_and_not_after_an_administrator_saved_the_year()
    {
        var (_, provisional, warning) = await RunAsync("add-working-days", "2026-12-31", "1");
        await SaveYearAsync(Hypothetical2027());

        var (exitCode, stdout, stderr) = await RunAsync("add-working-days", "2026-12-31", "1");

        Assert.Equal("2027-01-01\n", provisional);
        Assert.Contains("provisional", warning, StringComparison.Ordinal);
        Assert.Contains("2027", warning, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Equal("2027-01-04\n", stdout);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("add-working-days", "2025-01-24")]
    [InlineData("add-working-days", "2025-01-24", "x")]
    [InlineData("add-working-days", "2025-01-24", "-1")]
    [InlineData("add-working-days", "24/01/2025", "1")]
    [InlineData("list-working-days", "2025-02-10", "2025-01-20")]
    [InlineData("list-working-days", "2025-01-20", "2025-02-10", "extra")]
    public async Task Should_print_the_usage_and_exit_2_When_the_arguments_are_bad(params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("usage: calendar", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory), "bad arguments must not touch the database");
    }

    [Fact]
    public async Task Should_print_only_the_date_on_stdout_When_run_as_a_process_configured_by_environment()
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Hotline.Host.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", hostDll, "calendar", "add-working-days", "2026-12-31", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Hotline__Database__Provider"] = "Sqlite", ["Hotline__Database__ConnectionString"] = ConnectionString },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("2027-01-01\n", await stdout);
        Assert.StartsWith("warning: provisional", await stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "hotline.db")));
    }

    private async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandLine.TryRunAsync(["calendar", .. args, "--Hotline:Database:Provider=Sqlite", $"--Hotline:Database:ConnectionString={ConnectionString}"], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private async Task SaveYearAsync(CalendarYear year)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Database:Provider"] = "Sqlite",
            ["Hotline:Database:ConnectionString"] = ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddHotlinePersistence(configuration).AddHotlineCalendar(configuration).BuildServiceProvider();
        await services.MigrateHotlineDatabaseAsync();
        Assert.True((await services.GetRequiredService<CalendarService>().SaveYearAsync(year, "admin")).Saved);
    }
}
