using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Demo;

/// <summary>
/// <c>demo seed [--force] [host options]</c>: migrates the configured database and loads the demo city
/// (the shipped files <c>reference/demo/*.csv</c>, <see cref="DemoCity"/>) into it through the reference importer, adding what is missing. The database comes from the host's usual configuration
/// (appsettings, <c>Hotline__Database__…</c> variables, <c>--Hotline:Database:ConnectionString=…</c>).
/// Refused in the Production environment — the default when no environment is set — unless <c>--force</c> is given,
/// so demo units and answers never reach a real hotline by accident; run it with <c>--environment Development</c>.
/// Nothing loads this data at start-up.
/// </summary>
internal static class DemoCommand
{
    private static readonly Dictionary<ReferenceKind, string> Names = new()
    {
        [ReferenceKind.Units] = "units",
        [ReferenceKind.Subjects] = "subjects",
        [ReferenceKind.Routing] = "routing rules",
        [ReferenceKind.Knowledge] = "knowledge articles",
    };

    public const string Usage = "usage: demo seed [--force] [--environment NAME] [--Hotline:Database:Provider=Sqlite|PostgreSql|SqlServer] [--Hotline:Database:ConnectionString=...]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] != "seed")
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var force = args.Contains("--force");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args.Skip(1).Where(a => a != "--force").ToArray() });
        if (builder.Environment.IsProduction() && !force)
        {
            await stderr.WriteLineAsync(
                "error: refusing to load demo data in the Production environment. Set the environment " +
                "(--environment Development, or ASPNETCORE_ENVIRONMENT) or add --force to load it anyway.");
            return 1;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            // On a new PostgreSQL database EF logs its probe of the not yet existing migrations table as a failed
            // command; real failures surface as exceptions.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Services.AddHotlinePersistence(builder.Configuration);
        await using var app = builder.Build();
        await app.Services.MigrateHotlineDatabaseAsync(cancellationToken);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync(cancellationToken);
        var report = await DemoSeeder.SeedAsync(db, app.Services.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);

        await stdout.WriteLineAsync($"environment: {builder.Environment.EnvironmentName}{(force && builder.Environment.IsProduction() ? " (forced)" : "")}");
        foreach (var kind in report.Kinds)
            await stdout.WriteLineAsync($"{Names[kind.Kind]}: {kind.Rows} ({kind.Added} added)");
        return 0;
    }
}
