using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Hotline.Bench.Designer;

/// <summary>
/// How fast the workflow designer opens, measured in Debian's Chromium against the Release host in its own process:
/// the definition list, a shipped definition (case-lifecycle) and generated 100- and 300-activity definitions, each on
/// a first visit (fresh browser profile) and a second (same profile, its cache warm). "Drawn" = the canvas holds every
/// node. Prints the median of <c>--runs</c> runs, what the browser fetched before the first API call, and the slowest
/// Elsa API calls; <c>--trace FILE</c> also records a Chromium performance trace of a warm 100-activity open and
/// prints where its main thread spent the time.
/// </summary>
internal static class DesignerBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float Timeout = 240_000;
    private static readonly string[] TraceCategories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "blink", "loading", "toplevel"];

    private sealed record Scenario(string Name, string Path, int Nodes);

    private sealed record Visit(double Ms, int Requests, long Bytes, double FirstApiMs, int TotalRequests, long TotalBytes);

    public static async Task RunAsync(int runs, int[] sizes, string? tracePath, string? hostDll)
    {
        var root = RepositoryRoot();
        hostDll ??= Path.Combine(root, "Hotline.Host", "bin", "Release", "net10.0", "Hotline.Host.dll");
        Console.WriteLine($"Designer benchmark — {Environment.ProcessorCount} cores, load average {LoadAverage()}, {runs} run(s), median shown");
        await using var host = await DesignerHostProcess.StartAsync(root, hostDll);
        var scenarios = new List<Scenario>
        {
            new("definition list", "/designer/definitions", 0),
            new("case-lifecycle", "/designer/definitions/case-lifecycle", ShippedNodeCount(root, "case-lifecycle")),
        };
        using (var api = await AdminClientAsync(host))
        {
            foreach (var size in sizes)
            {
                var id = $"bench-chain-{size}";
                using var response = await api.PostAsJsonAsync("elsa/api/workflow-definitions", new JsonObject { ["model"] = ChainDefinition.Create(id, size), ["publish"] = true });
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Saving {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                scenarios.Add(new($"{size} activities", "/designer/definitions/" + id, size + 1));
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        var cold = scenarios.ToDictionary(s => s, _ => new List<Visit>());
        var warm = scenarios.ToDictionary(s => s, _ => new List<Visit>());
        var apiCalls = new List<(string Path, double Ms)>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var scenario in scenarios)
            {
                await using var context = await SignedInContextAsync(browser, host);
                cold[scenario].Add(await VisitAsync(context, host, scenario, apiCalls));
                warm[scenario].Add(await VisitAsync(context, host, scenario, apiCalls));
                Console.Error.WriteLine($"run {run} {scenario.Name}: cold {cold[scenario][^1].Ms:F0} ms, warm {warm[scenario][^1].Ms:F0} ms");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| screen | first visit | second visit | first visit: requests / KiB before the first API call (at ms) | second visit: requests that reached the host / KiB |");
        Console.WriteLine("|---|---:|---:|---|---|");
        foreach (var scenario in scenarios)
        {
            var c = cold[scenario];
            var w = warm[scenario];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {Median(c.Select(v => v.Ms)) / 1000:F2} s | {Median(w.Select(v => v.Ms)) / 1000:F2} s | {Median(c.Select(v => (double)v.Requests)):F0} / {Median(c.Select(v => (double)v.Bytes)) / 1024:F0} (at {Median(c.Select(v => v.FirstApiMs)):F0}) | {Median(w.Select(v => (double)v.TotalRequests)):F0} / {Median(w.Select(v => (double)v.TotalBytes)) / 1024:F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Slowest Elsa API calls (all visits; ms from request to last byte):");
        Console.WriteLine("| call | count | median | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var call in apiCalls.GroupBy(c => Normalize(c.Path)).OrderByDescending(g => Median(g.Select(c => c.Ms))).Take(12))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {call.Key} | {call.Count()} | {Median(call.Select(c => c.Ms)):F1} | {call.Max(c => c.Ms):F1} |"));

        // The trace: the generated definition nearest 100 activities.
        if (tracePath is not null && scenarios.Where(s => s.Nodes > 0).MinBy(s => Math.Abs(s.Nodes - 101)) is { } traced)
            await TraceAsync(browser, host, traced, tracePath);
        Console.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static async Task<Visit> VisitAsync(IBrowserContext context, DesignerHostProcess host, Scenario scenario, List<(string, double)> apiCalls)
    {
        var page = await context.NewPageAsync();
        var recorder = new VisitRecorder(page);
        recorder.Restart();
        await page.GotoAsync(host.Address + scenario.Path);
        await WaitDrawnAsync(page, scenario);
        var ms = recorder.ElapsedMilliseconds;
        recorder.Stop();
        var (requests, bytes, firstApi, total, totalBytes) = await recorder.BeforeFirstApiAsync();
        apiCalls.AddRange(await recorder.ApiCallsAsync());
        await page.CloseAsync();
        return new Visit(ms, requests, bytes, firstApi, total, totalBytes);
    }

    private static Task WaitDrawnAsync(IPage page, Scenario scenario) => scenario.Nodes == 0
        ? page.Locator("elsa-workflow-definition-list").GetByText("case-lifecycle", new() { Exact = true }).WaitForAsync(new() { Timeout = Timeout })
        : page.WaitForFunctionAsync("n => document.querySelectorAll('.x6-node').length >= n", scenario.Nodes, new() { Timeout = Timeout, PollingInterval = 25 });

    private static async Task TraceAsync(IBrowser browser, DesignerHostProcess host, Scenario scenario, string path)
    {
        await using var context = await SignedInContextAsync(browser, host);
        var warmUp = await context.NewPageAsync();
        await warmUp.GotoAsync(host.Address + scenario.Path);
        await WaitDrawnAsync(warmUp, scenario);
        await warmUp.CloseAsync();
        var page = await context.NewPageAsync();
        // Chromium's tracing over CDP (Playwright for .NET has no browser.startTracing): events arrive in batches.
        var cdp = await context.NewCDPSessionAsync(page);
        var events = new List<JsonNode?>();
        var complete = new TaskCompletionSource();
        cdp.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            lock (events)
                events.AddRange(JsonNode.Parse(data!.Value.GetRawText())!["value"]!.AsArray().Select(e => e?.DeepClone()));
        };
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReportEvents",
            ["traceConfig"] = new Dictionary<string, object>
            {
                ["includedCategories"] = TraceCategories,
            },
        });
        await page.GotoAsync(host.Address + scenario.Path);
        await WaitDrawnAsync(page, scenario);
        await cdp.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        string json;
        lock (events)
            json = new JsonObject { ["traceEvents"] = new JsonArray([.. events]) }.ToJsonString();
        await File.WriteAllTextAsync(path, json);
        Console.WriteLine();
        Console.WriteLine($"Trace of a second visit to {scenario.Name}: {path}");
        TraceSummary.Print(path);
    }

    private static async Task<IBrowserContext> SignedInContextAsync(IBrowser browser, DesignerHostProcess host)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var form = context.APIRequest.CreateFormData();
        form.Set("userName", DesignerHostProcess.AdminUserName);
        form.Set("password", host.AdminPassword);
        form.Set("returnUrl", "/designer/definitions");
        var response = await context.APIRequest.PostAsync(host.Address + "/designer/login", new()
        {
            Form = form,
            MaxRedirects = 0,
            Headers = new Dictionary<string, string> { ["Origin"] = host.Address },
        });
        if (response.Status != 302)
            throw new InvalidOperationException($"Signing in answered {response.Status}: {await response.TextAsync()}");
        return context;
    }

    private static async Task<HttpClient> AdminClientAsync(DesignerHostProcess host)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.Address + "/") };
        using var response = await client.PostAsJsonAsync("api/auth/token", new { userName = DesignerHostProcess.AdminUserName, password = host.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static int ShippedNodeCount(string root, string definitionId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(root, "definitions", definitionId + ".json")))!["root"]!["activities"]!.AsArray().Count;

    // Ids in paths grouped: /workflow-definitions/by-definition-id/X → …/{id}.
    private static string Normalize(string path)
    {
        var marker = path.IndexOf("/by-definition-id/", StringComparison.Ordinal);
        if (marker >= 0)
            return path[..(marker + "/by-definition-id/".Length)] + "{id}";
        return path.Contains("/type-definitions/", StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] + "{id}" : path;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotline.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Hotline.sln not found above " + AppContext.BaseDirectory);
    }
}
