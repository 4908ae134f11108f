namespace Hotline.FaultTest;

/// <summary>How hard and how long the fault test pushes: load, chaos and the bounds of every wait.</summary>
internal sealed record FaultTestOptions
{
    /// <summary>How long cases and timer workflows are started while hosts are killed.</summary>
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>New logical case requests per second (each retried as a client would).</summary>
    public double CaseRate { get; init; } = 5;

    /// <summary>New timer workflows per second.</summary>
    public double TimerRate { get; init; } = 1;

    /// <summary>The timer workflow's delay before its observable step.</summary>
    public TimeSpan TimerDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Mean time between two host kills (SIGKILL); the actual gap varies ±50%.</summary>
    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long a killed host stays down before it is started again.</summary>
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times PostgreSQL is crashed (<c>pg_ctl restart -m immediate</c>) during the load, evenly spread.</summary>
    public int DatabaseCrashes { get; init; } = 1;

    /// <summary>How many hosts share the database.</summary>
    public int Hosts { get; init; } = 3;

    /// <summary>How often the hosts sweep for due timers.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>One HTTP attempt's time limit; a timed-out attempt is retried like a refused connection.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A client gives a logical request up after this long (the request is then "uncertain").</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Longest wait for a host to answer HTTP after it was started.</summary>
    public TimeSpan HostStartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Longest wait, after the chaos, for every timer to have fired.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often the inbox invariant is sampled during the run.</summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The repository checkout (holds Hotline.sln); the host is run from its Release build.</summary>
    public string RepositoryRoot { get; init; } = FindRepositoryRoot();

    /// <summary>PostgreSQL 15's server binaries (Debian's package).</summary>
    public string PostgresBin { get; init; } = Environment.GetEnvironmentVariable("HOTLINE_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";

    /// <summary>Seed of the chaos and load choices, so a failing run can be repeated.</summary>
    public int Seed { get; init; } = Random.Shared.Next();

    /// <summary>
    /// Where the run keeps its PostgreSQL cluster and host logs (<c>HOTLINE_FAULT_WORK</c>, so that
    /// <c>build/fault-test.sh</c> can clean up after a driver that was killed); a new temporary directory when unset.
    /// </summary>
    public string? WorkDirectory { get; init; } = Environment.GetEnvironmentVariable("HOTLINE_FAULT_WORK") is { Length: > 0 } work ? work : null;

    /// <summary>The host built in the configuration this driver was built in (bin/Release/net10.0 → Release).</summary>
    public string HostDll => Path.Combine(RepositoryRoot, "Hotline.Host", "bin", BuildConfiguration, "net10.0", "Hotline.Host.dll");

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";

    /// <summary>A new directory named <paramref name="name"/> under <see cref="WorkDirectory"/>, or a new temporary one.</summary>
    public DirectoryInfo NewDirectory(string name) =>
        WorkDirectory is null ? Directory.CreateTempSubdirectory($"hotline-fault-{name}.") : Directory.CreateDirectory(Path.Combine(WorkDirectory, name));

    /// <summary>The version <c>build/test.sh</c> runs: about 75 seconds of load, two to three minutes in all.</summary>
    public static FaultTestOptions Short => new();

    /// <summary>A longer run: <paramref name="minutes"/> of load at <paramref name="caseRate"/> cases per second, a database crash every two minutes.</summary>
    public static FaultTestOptions Long(double minutes, double caseRate) => new()
    {
        LoadDuration = TimeSpan.FromMinutes(minutes),
        CaseRate = caseRate,
        TimerRate = Math.Max(0.5, caseRate / 5),
        DatabaseCrashes = Math.Max(2, (int)(minutes / 2)),
    };

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hotline.sln")))
                return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
