using System.Globalization;
using Hotline.FaultTest;
using Xunit.Abstractions;

namespace Hotline.Fault.Tests;

/// <summary>
/// The fault test's short version (about 75 seconds of load, two to three minutes in all) as part of the suite:
/// three Release hosts on a PostgreSQL of its own, hosts SIGKILLed and the database crashed under load. Needs the
/// Release build of Hotline.Host and PostgreSQL 15's binaries, both of which <c>build/test.sh</c> provides.
/// <c>HOTLINE_FAULT_MINUTES</c> selects the long version (<c>build/fault-test.sh</c> runs it as a console instead).
/// </summary>
public sealed class FaultScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_keep_every_case_task_and_timer_exactly_once_When_hosts_are_killed_and_the_database_crashes()
    {
        var options = Environment.GetEnvironmentVariable("HOTLINE_FAULT_MINUTES") is { Length: > 0 } minutes
            ? FaultTestOptions.Long(double.Parse(minutes, CultureInfo.InvariantCulture), FaultTestOptions.Short.CaseRate)
            : FaultTestOptions.Short;
        using var log = new StringWriter(CultureInfo.InvariantCulture);
        FaultReport report;
        try
        {
            report = await FaultScenario.RunAsync(options, log, CancellationToken.None);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        output.WriteLine(report.Summary());
        Assert.True(report.CasesAccepted > 0 && report.TimersAccepted > 0 && report.Kills > 0 && report.DatabaseCrashes > 0,
            "The run did not exercise what it checks:\n" + report.Summary());
        Assert.True(report.Passed, report.Summary());
    }
}
