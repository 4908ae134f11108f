using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Bench.Designer;

namespace Hotline.Bench.Http;

/// <summary>
/// <c>--http</c>: the HTTP API under a bounded load from outside the host. The Release host runs in its own process on
/// a fresh database (SQLite, or PostgreSQL with <c>--pg</c>) with the demo city loaded (<c>demo seed</c>); this process
/// signs in as the people who really call each operation (an operator registers cases, a handling unit's user reads
/// its inbox, a dispatcher lists dispatched cases) and drives <c>--concurrency</c> (8) requests at a time:
/// <list type="number">
/// <item><c>POST /api/cases</c> with varied valid bodies and unique idempotency keys until the database holds
/// <c>--cases</c> cases (20,000); the last <c>--requests</c> (2,000) are measured, the ones before grow the database.</item>
/// <item><c>GET /api/inbox</c> as the 东湖区 (DH) unit's user, pages 1–5, for <c>--seconds</c> (20).</item>
/// <item><c>GET /api/cases?status=Dispatched</c> as a dispatcher, pages 1–10, for <c>--seconds</c>.</item>
/// </list>
/// Prints requests/s, p50/p95/p99/max latency, non-2xx answers (each printed) and the host's CPU time per request
/// (<c>/proc/PID/stat</c>). Needs <c>dotnet build Hotline.Host -c Release</c> first.
/// </summary>
internal static class HttpBenchmark
{
    private const string Unit = "DH";
    private const string Password = "bench-Password-1";
    private static readonly (string Subject, string Type)[] Subjects =
        [("SR-ZDJY", "Complaint"), ("CJ-WZJZ", "Report"), ("CJ-WYGL", "Complaint"), ("SR-LJQY", "Complaint"), ("CJ-SGZY", "Complaint")];
    private static readonly string[] Districts = ["990102", "990103", "990104", "990121", "990122"];
    private static readonly string[] Channels = ["Phone", "Web", "WeChat", "App"];
    private static readonly string[] Texts =
    [
        "小区门口长期有商贩占道经营，早晚高峰堵塞人行道，老人孩子只能走机动车道，很不安全。",
        "楼顶有人私自加盖彩钢房，已经施工半个月，担心影响楼体安全，请相关部门核查。",
        "物业公司长期不清理楼道杂物，电梯多次故障无人维修，业主多次反映无果。",
        "垃圾桶满了好几天没人清运，天气热了气味很大，苍蝇很多，请尽快处理。",
        "工地夜间十一点以后还在施工，噪音很大，严重影响附近居民休息。",
    ];

    public static async Task RunAsync(int cases, int requests, int seconds, int concurrency, string? postgres, string? hostDll)
    {
        var root = DesignerBenchmark.RepositoryRoot();
        hostDll ??= Path.Combine(root, "Hotline.Host", "bin", "Release", "net10.0", "Hotline.Host.dll");
        var settings = new Dictionary<string, string>
        {
            // 三查 would send a share of cases to the quality desk; the bench measures the plain path.
            ["Hotline__Quality__CaseShare"] = "0",
            ["Hotline__Quality__CallbackShare"] = "0",
        };
        var database = "SQLite";
        if (postgres is not null)
        {
            settings["Hotline__Database__Provider"] = "PostgreSql";
            settings["Hotline__Database__ConnectionString"] = await Databases.NewPostgreSqlDatabaseAsync(postgres, "http");
            database = "PostgreSQL";
        }

        await using var host = await DesignerHostProcess.StartAsync(root, hostDll, settings, ["demo", "seed", "--force"]);
        var cpu = new HostCpu(host.ProcessId);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(host.Address), Timeout = TimeSpan.FromMinutes(2) };
        var admin = await SignInAsync(client, DesignerHostProcess.AdminUserName, host.AdminPassword);
        var operatorToken = await PersonAsync(client, admin, "bench-operator", ["operator"], null);
        var unitToken = await PersonAsync(client, admin, "bench-unit-dh", ["unit"], Unit);
        var dispatcherToken = await PersonAsync(client, admin, "bench-dispatcher", ["dispatcher"], null);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTTP benchmark on {database} — {Environment.ProcessorCount} cores, load average {DesignerBenchmark.LoadAverage()}, concurrency {concurrency}, host PID {host.ProcessId}"));
        var load = new HttpLoad(client, concurrency);
        var run = Guid.NewGuid().ToString("N")[..8];
        HttpRequestMessage Intake(int i) => Post("api/cases", operatorToken, IntakeBody(i), $"bench-{run}-{i}");
        var growth = Math.Max(0, cases - requests);
        var posted = 0;
        if (growth > 0)
        {
            var grown = await load.RunAsync("POST /api/cases (growing the database)", Intake, growth, null, cpu);
            posted += grown.Requests;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"grew the database by {grown.Requests} cases in {grown.Seconds:F0} s ({grown.Requests / grown.Seconds:N1} cases/s, {grown.Errors} non-2xx)"));
        }

        var results = new List<HttpLoad.Result>
        {
            await load.RunAsync($"POST /api/cases (cases {posted + 1}–{posted + Math.Min(requests, cases)})", i => Intake(posted + i), Math.Min(requests, cases), null, cpu),
        };

        var inboxTotal = await TotalAsync(client, unitToken, "api/inbox");
        var dispatchedTotal = await TotalAsync(client, dispatcherToken, "api/cases?status=Dispatched");
        var window = TimeSpan.FromSeconds(seconds);
        HttpRequestMessage Inbox(int i) => Get($"api/inbox?page={1 + (i % 5)}&pageSize=20", unitToken);
        HttpRequestMessage Dispatched(int i) => Get($"api/cases?status=Dispatched&page={1 + (i % 10)}&pageSize=20", dispatcherToken);
        await load.RunAsync("warm-up", Inbox, 200, null, cpu);
        results.Add(await load.RunAsync($"GET /api/inbox (unit {Unit}, {inboxTotal} pending tasks, pages 1–5)", Inbox, null, window, cpu));
        await load.RunAsync("warm-up", Dispatched, 200, null, cpu);
        results.Add(await load.RunAsync($"GET /api/cases?status=Dispatched ({dispatchedTotal} cases, pages 1–10)", Dispatched, null, window, cpu));

        Console.WriteLine();
        Console.WriteLine($"database: {database}, {await TotalAsync(client, dispatcherToken, "api/cases")} cases; load average {DesignerBenchmark.LoadAverage()}");
        Console.WriteLine(HttpLoad.Result.Header);
        foreach (var result in results)
            Console.WriteLine(result.Row());
    }

    private static JsonObject IntakeBody(int i)
    {
        var (subject, type) = Subjects[i % Subjects.Length];
        var district = Districts[i / Subjects.Length % Districts.Length];
        return new JsonObject
        {
            ["channel"] = Channels[i % Channels.Length],
            ["content"] = $"{Texts[i % Texts.Length]}（第{i}次来电）",
            ["type"] = type,
            ["subjectCode"] = subject,
            ["citizenName"] = i % 7 == 0 ? null : "市民" + (i % 1000).ToString(CultureInfo.InvariantCulture),
            // One call in 50 repeats the previous caller (a duplicate to link); the others are new callers at new places.
            ["citizenPhone"] = "139" + (10_000_000 + (i % 50 == 49 ? i - 1 : i)).ToString(CultureInfo.InvariantCulture),
            ["address"] = $"云州市{district}区幸福路{i}号",
            ["districtCode"] = district,
            ["urgency"] = i % 10 == 0 ? "Urgent" : "Normal",
        };
    }

    private static HttpRequestMessage Post(string path, string token, JsonNode body, string idempotencyKey)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        return message;
    }

    private static HttpRequestMessage Get(string path, string token)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }

    private static async Task<int> TotalAsync(HttpClient client, string token, string path)
    {
        using var response = await client.SendAsync(Get(path, token));
        var page = await Success(response).Content.ReadFromJsonAsync<JsonObject>();
        return page!["total"]!.GetValue<int>();
    }

    /// <summary>An account with <paramref name="roles"/> created by the administrator, its temporary password changed, signed in.</summary>
    private static async Task<string> PersonAsync(HttpClient client, string admin, string userName, string[] roles, string? unitCode)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "api/users")
        {
            Content = JsonContent.Create(new JsonObject { ["userName"] = userName, ["displayName"] = userName, ["password"] = "temporary-" + Password, ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r!).ToArray()), ["unitCode"] = unitCode }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        Success(await client.SendAsync(create)).Dispose();
        Success(await client.PostAsJsonAsync("api/auth/password", new JsonObject { ["userName"] = userName, ["currentPassword"] = "temporary-" + Password, ["newPassword"] = Password })).Dispose();
        return await SignInAsync(client, userName, Password);
    }

    private static async Task<string> SignInAsync(HttpClient client, string userName, string password)
    {
        using var response = Success(await client.PostAsJsonAsync("api/auth/token", new JsonObject { ["userName"] = userName, ["password"] = password }));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static HttpResponseMessage Success(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return response;
    }
}
