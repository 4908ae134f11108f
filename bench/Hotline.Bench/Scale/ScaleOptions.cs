using System.Globalization;

namespace Hotline.Bench.Scale;

/// <summary>
/// <c>--scale</c>'s options: <c>--cases N</c> (default 100,000), <c>--full</c> (1,000,000 cases, 200,000 open),
/// <c>--open-share</c> (default 0.2), <c>--templates N</c> (real cases run through the shipped definitions to copy,
/// default 120), <c>--samples N</c> per query (default 200), <c>--modes sqlite,postgresql</c>, <c>--pg CONN</c>,
/// <c>--explain</c> (PostgreSQL's plans), <c>--keep</c> (leave the databases for inspection), <c>--templates-only</c> (stop after the templates), <c>--timers 100000,1000000</c> (sweep again with the pending
/// timers topped up to each count; default 100,000, with <c>--full</c> 100,000 and 1,000,000; <c>--timers 0</c> skips the sweep),
/// <c>--reuse PATH|CONN</c> (measure a database an earlier <c>--keep</c> run loaded — a SQLite file, or a PostgreSQL
/// connection string — without loading again; one mode), <c>--paths a,b</c> (only the read paths whose names contain one of these).
/// </summary>
internal sealed record ScaleOptions(int Cases, double OpenShare, int Templates, int Samples, string[] Modes, string? Postgres, bool Explain, bool Keep, int Seed, bool TemplatesOnly, int[] TimerCounts)
{
    /// <summary>A loaded database to measure again (<c>--reuse</c>).</summary>
    public string? Reuse { get; init; }

    /// <summary>Only the read paths whose names contain one of these (<c>--paths overdue,escalation</c>); all when empty.</summary>
    public string[] Paths { get; init; } = [];

    public int OpenCases => (int)Math.Round(Cases * OpenShare);

    public static ScaleOptions Parse(string[] args)
    {
        var full = args.Contains("--full");
        return new ScaleOptions(
            Int(args, "--cases", full ? 1_000_000 : 100_000),
            double.Parse(Text(args, "--open-share") ?? "0.2", CultureInfo.InvariantCulture),
            Int(args, "--templates", 120),
            Int(args, "--samples", 200),
            (Text(args, "--modes") ?? "sqlite,postgresql").Split(','),
            Text(args, "--pg") ?? Environment.GetEnvironmentVariable("HOTLINE_BENCH_PG"),
            args.Contains("--explain"),
            args.Contains("--keep"),
            Int(args, "--seed", 12345),
            args.Contains("--templates-only"),
            (Text(args, "--timers") ?? (full ? "100000,1000000" : "100000")).Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).Where(t => t > 0).ToArray())
        {
            Reuse = Text(args, "--reuse"),
            Paths = Text(args, "--paths")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
    }

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
