using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CsCheck;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>
/// Fuzzes every operation of the OpenAPI document with each credential (anonymous, an integrator's key, a unit user, an
/// administrator) and inputs generated from the declared schemas (<see cref="FuzzRequestGenerator"/>), and holds the API to
/// three properties: no response is a 5xx; every status is one the document declares for the operation (and its body
/// keeps to the declared schema); a refused (4xx) request writes no row. A fixed seed makes a run repeatable;
/// HOTLINE_FUZZ_ITERATIONS sets its length (HOTLINE_FUZZ_SEED another seed).
/// </summary>
public abstract class OpenApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The default seed: a CsCheck seed string, so a failing run can be repeated exactly.</summary>
    public const string DefaultSeed = "2z9DRXA6Wor2";

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// 5xx answers to boundary dates (0001-01-01, 9999-12-31) in areas another change is fixing now: the calendar's year 9999,
    /// the case list's from/to, Open311's start_date/end_date. DELETE this list after merging those fixes; the fuzz then
    /// holds them to the same rules as everything else.
    /// </summary>
    private readonly Dictionary<Credential, AuthenticationHeaderValue?> _credentials = [];
    private readonly SortedDictionary<string, SortedSet<int>> _statuses = new(StringComparer.Ordinal);
    private LifecycleHost _host = null!;
    private OpenApiContract _contract = null!;

    protected abstract bool OnPostgreSql { get; }

    /// <summary>How many requests a run sends by default.</summary>
    protected abstract int DefaultIterations { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        _contract = await OpenApiContract.LoadAsync(_host.Factory.CreateClient());
        _credentials[Credential.Anonymous] = null;
        _credentials[Credential.Integrator] = new AuthenticationHeaderValue("ApiKey", HotlineFactory.IntegratorKey);
        _credentials[Credential.UnitUser] = (await _host.Factory.CreateUserClientAsync("cg-fuzz", ["unit"], "DH-CG")).DefaultRequestHeaders.Authorization;
        _credentials[Credential.Administrator] = await SignInAsync(Credential.Administrator);
        var integrator = _host.Factory.CreateIntegratorClient();
        for (var i = 0; i < 2; i++)
            (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_no_5xx_only_declared_statuses_and_write_nothing_on_refusal_When_every_operation_is_fuzzed_with_every_credential()
    {
        var failures = new Dictionary<string, FuzzFailure>(StringComparer.Ordinal);
        var client = _host.Factory.CreateClient();
        var generator = new FuzzRequestGenerator(_contract, await KnownIdsAsync());
        var iterations = Environment.GetEnvironmentVariable("HOTLINE_FUZZ_ITERATIONS") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture) * DefaultIterations / SqliteOpenApiFuzzTests.Iterations
            : DefaultIterations;
        var seed = Environment.GetEnvironmentVariable("HOTLINE_FUZZ_SEED") is { Length: > 0 } s ? s : DefaultSeed;

        await generator.Requests().SampleAsync(async request =>
        {
            foreach (var failure in await ProbeAsync(client, request))
                failures.TryAdd($"{failure.Request.Operation.Name} {failure.Kind}", failure);
        }, seed: seed, iter: iterations, threads: 1);

        output.WriteLine($"{iterations} requests, seed {seed}; statuses by operation:");
        foreach (var (operation, statuses) in _statuses)
            output.WriteLine($"  {operation}: {string.Join(" ", statuses)}");
        var unexplained = failures.Values.Select(f => f.Message).ToList();
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} kinds of failure in {iterations} requests (seed {seed}):\n" + string.Join("\n", unexplained));
    }

    /// <summary>Sends one request; the failures it shows.</summary>
    private async Task<List<FuzzFailure>> ProbeAsync(HttpClient client, FuzzRequest request)
    {
        var failures = new List<FuzzFailure>();
        var before = await RowCounts.ReadAsync(_host.Contexts);
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.PathAndQuery);
        message.Headers.Authorization = _credentials[request.Credential];
        if (request.Body is not null)
            message.Content = new StringContent(request.Body, Encoding.UTF8, System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType));
        HttpResponseMessage sent;
        try
        {
            sent = await client.SendAsync(message);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            failures.Add(new FuzzFailure("exception", request, $"{e.GetType().Name} ({e.Message}) for {request}"));
            return failures;
        }

        using var response = sent;
        var status = (int)response.StatusCode;
        if (!_statuses.TryGetValue(request.Operation.Name, out var seen))
            _statuses[request.Operation.Name] = seen = [];
        seen.Add(status);
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            failures.Add(new FuzzFailure("5xx", request, $"{status} for {request}: {(body.Length > 400 ? body[..400] : body)}"));
            return failures;
        }

        foreach (var violation in _contract.Check(request.Operation.Method, request.PathAndQuery.Split('?')[0], status, response.Content.Headers.ContentType?.MediaType, body))
            failures.Add(new FuzzFailure($"{status} contract", request, $"{violation} — for {request}"));
        if (status is >= 400 and < 500)
        {
            var written = RowCounts.Differences(before, await RowCounts.ReadAsync(_host.Contexts));
            if (written.Count > 0)
                failures.Add(new FuzzFailure($"{status} wrote", request, $"{status} wrote rows ({string.Join(", ", written)}) for {request}"));
        }
        else if (request.Operation.Template == "/api/auth/logout" && request.Credential is Credential.UnitUser or Credential.Administrator)
        {
            _credentials[request.Credential] = await SignInAsync(request.Credential);
        }

        return failures;
    }

    private async Task<AuthenticationHeaderValue?> SignInAsync(Credential credential) =>
        credential == Credential.UnitUser
            ? (await _host.Factory.SignInAsync("cg-fuzz", HotlineFactory.UserPassword)).DefaultRequestHeaders.Authorization
            : (await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword)).DefaultRequestHeaders.Authorization;

    /// <summary>Ids that exist, so that some requests reach past the "not found" checks.</summary>
    private async Task<IReadOnlyList<string>> KnownIdsAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.Number }).ToListAsync();
        var tasks = await db.InboxTasks.AsNoTracking().Select(t => t.TaskId).ToListAsync();
        return [.. cases.SelectMany(c => new[] { c.Id.ToString(), c.Number }), .. tasks, "case-lifecycle", "SR-ROAD", "DH-CG", "DH-ZJ", "admin", "cg-fuzz"];
    }
}

public sealed class SqliteOpenApiFuzzTests(ITestOutputHelper output) : OpenApiFuzzTests(output)
{
    /// <summary>The SQLite run's default length; HOTLINE_FUZZ_ITERATIONS replaces it (PostgreSQL runs a third of it).</summary>
    public const int Iterations = 2000;

    protected override bool OnPostgreSql => false;

    protected override int DefaultIterations => Iterations;
}

public sealed class PostgreSqlOpenApiFuzzTests(ITestOutputHelper output) : OpenApiFuzzTests(output)
{
    protected override bool OnPostgreSql => true;

    protected override int DefaultIterations => SqliteOpenApiFuzzTests.Iterations / 3;
}
