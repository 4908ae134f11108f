using System.Globalization;
using System.Text.Json;

namespace Hotline.Bench.Designer;

/// <summary>
/// Where a Chromium trace's renderer main thread spent its time: the top-level tasks' total, then the events inside
/// them summed by name (nested events count in each of their ancestors, so the rows overlap).
/// </summary>
internal static class TraceSummary
{
    public static void Print(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var events = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("traceEvents");
        var mainThreads = new HashSet<(long, long)>();
        foreach (var e in events.EnumerateArray())
        {
            if (e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name"
                && e.GetProperty("args").GetProperty("name").GetString() == "CrRendererMain")
                mainThreads.Add((e.GetProperty("pid").GetInt64(), e.GetProperty("tid").GetInt64()));
        }

        var byName = new Dictionary<string, (double Ms, int Count)>(StringComparer.Ordinal);
        double first = double.MaxValue, last = 0;
        foreach (var e in events.EnumerateArray())
        {
            if (e.GetProperty("ph").GetString() != "X" || !e.TryGetProperty("dur", out var dur) || !e.TryGetProperty("tid", out var tid)
                || !mainThreads.Contains((e.GetProperty("pid").GetInt64(), tid.GetInt64())))
                continue;
            var name = e.GetProperty("name").GetString()!;
            if (name is "FunctionCall" or "EvaluateScript" or "TimerFire" or "EventDispatch" && e.TryGetProperty("args", out var args)
                && args.TryGetProperty("data", out var data) && data.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } source)
                name += " " + source[(source.LastIndexOf('/') + 1)..];
            var ms = dur.GetDouble() / 1000;
            var ts = e.GetProperty("ts").GetDouble() / 1000;
            first = Math.Min(first, ts);
            last = Math.Max(last, ts + ms);
            var (total, count) = byName.GetValueOrDefault(name);
            byName[name] = (total + ms, count + 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"renderer main thread: {last - first:F0} ms from its first to its last event; busy (RunTask): {byName.GetValueOrDefault("RunTask").Ms:F0} ms"));
        Console.WriteLine("| event | total ms | count |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, (ms, count)) in byName.Where(p => p.Key != "RunTask").OrderByDescending(p => p.Value.Ms).Take(25))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:F0} | {count} |"));
    }
}
