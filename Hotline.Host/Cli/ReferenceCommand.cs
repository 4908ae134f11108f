using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Cli;

/// <summary>
/// <c>reference import [--dry-run] FILE... [--Section:Key=value]</c>: loads units, subjects, routing rules and
/// knowledge answers from CSV or xlsx files into the configured database (migrated first), all or nothing, as
/// <c>POST /api/admin/reference/import</c> does; each file's name says its kind (<c>units.csv</c>). Prints the counts
/// per kind and every bad row. Exit code 0 when every row is good (and, without <c>--dry-run</c>, loaded), 2 for bad
/// rows or files or arguments (nothing is changed), 1 when the database or settings fail.
/// </summary>
internal static class ReferenceCommand
{
    public const string Usage = """
        usage: reference import [--dry-run] FILE...   (units.csv|xlsx, subjects.*, routing.*, knowledge.*)
        settings may follow as --Section:Key=value, e.g. --Hotline:Database:ConnectionString="Data Source=data/hotline.db"
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var settings = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var dryRun = args.Contains("--dry-run");
        var paths = args.Skip(1).Where(a => !settings.Contains(a) && a != "--dry-run").ToList();
        if (args.Count == 0 || args[0] != "import" || paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            await stderr.WriteLineAsync($"error: no file {missing}");
            return 2;
        }

        ReferenceReport report;
        try
        {
            report = await ImportAsync(paths, dryRun, settings, cancellationToken);
        }
#pragma warning disable CA1031 // Any failure to reach the database or read the settings is reported, not thrown at the administrator.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"error: cannot import: {e.Message}");
            return 1;
        }

        await PrintAsync(report, stdout);
        return report.Problems.Count > 0 ? 2 : 0;
    }

    private static async Task<ReferenceReport> ImportAsync(List<string> paths, bool dryRun, string[] settings, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(settings, null, cancellationToken);
        var streams = paths.Select(File.OpenRead).ToList();
        try
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync(cancellationToken);
            var clock = host.Services.GetService<TimeProvider>() ?? TimeProvider.System;
            return await new ReferenceImporter(db, clock).ImportAsync(paths.Zip(streams, (p, s) => new ReferenceFile(p, s)).ToList(), dryRun, actor: "cli:" + Environment.UserName, cancellationToken: cancellationToken);
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }

    private static async Task PrintAsync(ReferenceReport report, TextWriter stdout)
    {
        foreach (var kind in report.Kinds)
            await stdout.WriteLineAsync($"{ReferenceFileNames.Word(kind.Kind)}: {kind.Rows} rows, {kind.Added} added, {kind.Updated} updated, {kind.Unchanged} unchanged");
        foreach (var problem in report.Problems)
            await stdout.WriteLineAsync($"error: {problem.File} row {problem.Row}{(problem.Column.Length > 0 ? " column " + problem.Column : "")}: {problem.Reason}");
        await stdout.WriteLineAsync(report.Applied ? "applied"
            : report.Problems.Count > 0 ? $"nothing changed: {report.Problems.Count} problem(s)"
            : "dry run: nothing changed");
    }
}
