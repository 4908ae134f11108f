using System.Globalization;
using System.Runtime.InteropServices;
using Hotline.FaultTest;

// dotnet tests/Hotline.FaultTest/bin/Release/net10.0/Hotline.FaultTest.dll [--minutes N] [--rate R] [--seed S]
// (build/fault-test.sh builds and runs it). Without options: the short version build/test.sh runs.
var options = FaultTestOptions.Short;
double? minutes = null;
var rate = options.CaseRate;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--minutes": minutes = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--rate": rate = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--seed": options = options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) }; break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }

        i++;
    }

    if (minutes is <= 0 or > 120 || rate is <= 0 or > 50)
        throw new ArgumentException("--minutes is from 0 to 120, --rate from 0 to 50 requests per second");
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {e.Message}\nusage: Hotline.FaultTest [--minutes N] [--rate R] [--seed S]");
    return 2;
}

if (minutes is { } m)
    options = FaultTestOptions.Long(m, rate) with { Seed = options.Seed };
else
    options = options with { CaseRate = rate };

using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM end the run through its clean-up (hosts killed, PostgreSQL stopped and deleted).
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
try
{
    var report = await FaultScenario.RunAsync(options, Console.Out, stop.Token);
    Console.WriteLine(report.Summary());
    return report.Passed ? 0 : 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("fault test interrupted");
    return 130;
}
