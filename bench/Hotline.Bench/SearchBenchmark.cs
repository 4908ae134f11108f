using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Bench;

/// <summary>
/// <c>--search</c>: what full-text search costs a registered case. Loads jieba's dictionary (time, memory), cuts case
/// texts for the index (time per case), then saves cases one per transaction on SQLite, as a burst's commit does, with
/// the index (<see cref="SearchIndexer"/>: words, entry row, FTS5 triggers) and without it, alternately.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly string[] Contents =
    [
        "昨天晚上十一点多，我家楼下的工地还在施工，噪音非常大，严重影响休息，希望有关部门尽快处理。",
        "小区门口长期有商贩占道经营，早晚高峰堵塞人行道，老人孩子只能走机动车道，很不安全。",
        "我在公司工作了三年，老板已经拖欠了三个月工资，多次讨要都说没钱，请帮忙协调解决。",
        "暖气片从上周开始一直不热，室温只有十五度，给物业打了好几次电话都没人来修。",
        "咨询一下离职以后住房公积金怎么提取，需要准备哪些材料，可以在网上办理吗？",
    ];

    private static readonly string[] Addresses = ["东湖区新华路18号", "西湖区滨江公园北门", "高新区科技园三期5栋", "东湖区建设街道幸福里小区"];

    public static async Task RunAsync(int cases)
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var segmenter = ChineseSegmenter.Instance;
        var memory = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segmenter: dictionary loaded in {segmenter.LoadTime.TotalMilliseconds:F0} ms, {memory:F0} MiB held"));

        var stopwatch = Stopwatch.StartNew();
        var words = 0L;
        for (var i = 0; i < cases; i++)
            words += segmenter.IndexText(Contents[i % Contents.Length]).Length + segmenter.IndexText(Addresses[i % Addresses.Length]).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segmentation: {cases} cases (content and address) in {stopwatch.Elapsed.TotalSeconds:F2} s → {stopwatch.Elapsed.TotalMicroseconds / cases:F0} µs per case ({words / cases} characters of words)"));

        for (var round = 1; round <= 3; round++)
        {
            foreach (var indexed in new[] { false, true })
            {
                var cpu = await SaveCasesAsync(cases, indexed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"save on SQLite, round {round}, {(indexed ? "with the index   " : "without the index")}: {cases} cases, one per transaction → process CPU {cpu * 1000 / cases:F3} ms per case"));
            }
        }
    }

    /// <summary>Saves cases one per transaction into a new SQLite database; returns the process CPU seconds it took.</summary>
    private static async Task<double> SaveCasesAsync(int cases, bool indexed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hotline-bench-search-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var builder = new DbContextOptionsBuilder<SqliteHotlineDbContext>().UseSqlite($"Data Source={Path.Combine(directory, "bench.db")}");
            if (indexed)
                builder.AddInterceptors(SearchIndexer.Instance);
            await using var db = new SqliteHotlineDbContext(builder.Options);
            await db.Database.MigrateAsync();
            // One connection throughout, with the host's settings (SqliteConnectionSettingsInterceptor).
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");

            var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < cases; i++)
            {
                var request = new NewCase(CaseChannel.Phone, Contents[i % Contents.Length], CaseType.Complaint, null, "张敏", "13800138000",
                    Addresses[i % Addresses.Length], "990103", CaseUrgency.Normal, "bench");
                db.Cases.Add(Case.Register(request, $"20260302-{i:D6}", null, CaseActor.System, at.AddSeconds(i)));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
