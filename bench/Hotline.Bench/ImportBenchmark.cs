using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Bench;

/// <summary>
/// <c>--import</c>: a large centre's reference data (400 units over four levels, 200 subjects, 5,000 routing rules),
/// generated and written as files in each format, then imported into a new SQLite database: a dry run, the apply,
/// and the same files applied again (every row compared, none changed).
/// </summary>
internal static class ImportBenchmark
{
    private const int Districts = 10;
    private const int Departments = 20;
    private const int TownsPerDistrict = 18;
    private const int Communities = 190;
    private const int Categories = 20;
    private const int Leaves = 180;
    private const int Rules = 5_000;

    public static async Task RunAsync()
    {
        foreach (var format in Enum.GetValues<ReferenceFormat>())
        {
            var files = await FilesAsync(format);
            var directory = Path.Combine(Path.GetTempPath(), "hotline-bench-import-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                await using var provider = await DatabaseAsync(Path.Combine(directory, "bench.db"));
                var label = $"import {format.ToString().ToLowerInvariant()} ({files.Sum(f => f.Bytes.Length) / 1024} KiB: {Units().Count} units, {Subjects().Count} subjects, {Rules} rules) on SQLite";
                await TimeAsync(provider, files, dryRun: true, $"{label}, dry run");
                await TimeAsync(provider, files, dryRun: false, $"{label}, apply to an empty database");
                await TimeAsync(provider, files, dryRun: false, $"{label}, apply again (nothing changes)");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task TimeAsync(ServiceProvider provider, List<(string Name, byte[] Bytes)> files, bool dryRun, string label)
    {
        await using var db = await provider.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var inputs = files.Select(f => new ReferenceFile(f.Name, new MemoryStream(f.Bytes))).ToList();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var report = await new ReferenceImporter(db, TimeProvider.System).ImportAsync(inputs, dryRun);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (report.Problems.Count > 0)
            throw new InvalidOperationException($"The generated files have problems: {report.Problems[0]}");
        var counts = string.Join(", ", report.Kinds.Select(k => $"{ReferenceFileNames.Word(k.Kind)} +{k.Added}/~{k.Updated}/={k.Unchanged}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {stopwatch.Elapsed.TotalMilliseconds:N0} ms (CPU {cpu.TotalMilliseconds:N0} ms); {counts}"));
    }

    private static async Task<ServiceProvider> DatabaseAsync(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Database:Provider"] = "Sqlite",
            ["Hotline:Database:ConnectionString"] = $"Data Source={path}",
        }).Build();
        var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddHotlinePersistence(configuration).BuildServiceProvider();
        await provider.MigrateHotlineDatabaseAsync();
        return provider;
    }

    private static async Task<List<(string Name, byte[] Bytes)>> FilesAsync(ReferenceFormat format)
    {
        var files = new List<(string, byte[])>();
        foreach (var (kind, rows) in new (ReferenceKind, IEnumerable<object>)[] { (ReferenceKind.Units, Units()), (ReferenceKind.Subjects, Subjects()), (ReferenceKind.Routing, RoutingRules()) })
        {
            using var output = new MemoryStream();
            await ReferenceExporter.WriteAsync(ReferenceLayout.For(kind), rows, format, output);
            files.Add((ReferenceFileNames.For(kind, format), output.ToArray()));
        }

        return files;
    }

    private static string District(int d) => $"D{d:00}";

    private static string DistrictCode(int d) => (990101 + d).ToString(CultureInfo.InvariantCulture);

    private static List<HandlingUnit> Units()
    {
        var units = Enumerable.Range(0, Departments).Select(i => new HandlingUnit { Code = $"SZ-{i:00}", Name = $"市直部门{i}", Level = UnitLevel.CityDepartment, DistrictCode = "990100", ContactPhone = $"0399-20{i:00}000" }).ToList();
        units.AddRange(Enumerable.Range(0, Districts).Select(d => new HandlingUnit { Code = District(d), Name = $"区县{d}人民政府", Level = UnitLevel.District, DistrictCode = DistrictCode(d) }));
        var towns = Enumerable.Range(0, Districts * TownsPerDistrict).Select(t => new HandlingUnit
        {
            Code = $"{District(t / TownsPerDistrict)}-{t % TownsPerDistrict:00}", Name = $"街道{t}办事处", ParentCode = District(t / TownsPerDistrict),
            Level = UnitLevel.Town, DistrictCode = DistrictCode(t / TownsPerDistrict),
        }).ToList();
        units.AddRange(towns);
        units.AddRange(Enumerable.Range(0, Communities).Select(c => new HandlingUnit
        {
            Code = $"{towns[c % towns.Count].Code}-{c / towns.Count:00}", Name = $"社区{c}居民委员会", ParentCode = towns[c % towns.Count].Code,
            Level = UnitLevel.Community, DistrictCode = towns[c % towns.Count].DistrictCode, ContactPhone = $"1380000{c:0000}",
        }));
        return units;
    }

    private static List<Subject> Subjects() =>
    [
        .. Enumerable.Range(0, Categories).Select(c => new Subject { Code = $"C{c:00}", Name = $"分类{c}" }),
        .. Enumerable.Range(0, Leaves).Select(l => new Subject { Code = $"C{l % Categories:00}-{l:000}", Name = $"诉求{l}", ParentCode = $"C{l % Categories:00}", DefaultCaseType = CaseType.Complaint }),
    ];

    private static List<RoutingRule> RoutingRules()
    {
        var leaves = Subjects().Where(s => s.ParentCode is not null).Select(s => s.Code).ToList();
        return [.. Enumerable.Range(0, Rules).Select(i => new RoutingRule
        {
            Id = $"R-{i:00000}",
            SubjectCode = leaves[i % leaves.Count],
            DistrictCode = DistrictCode(i / leaves.Count % Districts),
            LeadUnitCode = District(i / leaves.Count % Districts),
            AssistingUnitCodes = [$"SZ-{i % Departments:00}"],
            Priority = i / (leaves.Count * Districts),
        })];
    }
}
