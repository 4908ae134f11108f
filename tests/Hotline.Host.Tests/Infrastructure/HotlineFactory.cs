using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// The host on a fresh SQLite file, a copy of the migrated template (<see cref="MigratedTemplate"/>), or on a given
/// PostgreSQL database, with a fake clock and a test API key.
/// </summary>
public sealed class HotlineFactory : WebApplicationFactory<Program>
{
    public const string IntegratorKey = "test-integrator-key-7f3a";
    public const string OtherIntegratorKey = "test-other-integrator-key-91c2";
    public const string DistrictIntegratorKey = "test-xihu-portal-key-5d0e";

    /// <summary>The district of the <see cref="DistrictIntegratorKey"/> key (a county portal's).</summary>
    public const string DistrictIntegratorDistrict = "990104";
    public const string AdminPassword = "test-admin-password-3b9e";
    public const string UserPassword = "test-user-password-5d21";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-test-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;
    private string? _sqliteFile;

    public HotlineFactory(string? postgresConnectionString = null)
    {
        _postgres = postgresConnectionString;
        Directory.CreateDirectory(_directory);
    }

    /// <summary>A second host on another host's SQLite file (a restart, or a second process); it deletes the file's folder when disposed.</summary>
    public static HotlineFactory OnSqliteFile(string path) => new() { _sqliteFile = path };

    /// <summary>Leave the database when disposed (the host is "restarted" by another factory on the same file).</summary>
    public bool KeepDatabaseOnDispose { get; set; }

    /// <summary>Start on no file at all (the host creates and migrates it) instead of a copy of the migrated template.</summary>
    public bool EmptyDatabase { get; init; }

    /// <summary>More service changes, applied after the host's own (a test's wrapper around a service).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>A test's own settings (e.g. a mail server), applied after the factory's.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Where this host keeps attachments.</summary>
    public string AttachmentsDirectory => Path.Combine(_sqliteFile is null ? _directory : Path.GetDirectoryName(_sqliteFile)!, "attachments");

    public string DatabasePath => _sqliteFile ?? Path.Combine(_directory, "hotline.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_postgres is null)
        {
            builder.UseSetting("Hotline:Database:Provider", "Sqlite");
            // A new host's own file starts migrated; a restart on another host's file (OnSqliteFile) keeps what is there.
            if (_sqliteFile is null && !EmptyDatabase)
                MigratedTemplate.CopySqliteTo(DatabasePath);
            builder.UseSetting("Hotline:Database:ConnectionString", $"Data Source={DatabasePath}");
        }
        else
        {
            builder.UseSetting("Hotline:Database:Provider", "PostgreSql");
            builder.UseSetting("Hotline:Database:ConnectionString", _postgres);
        }

        // Attachments in the test's own folder, never under the content root (the source tree).
        builder.UseSetting("Hotline:Attachments:Directory", AttachmentsDirectory);
        builder.UseSetting("Hotline:Security:ApiKeys:0:Name", "portal");
        builder.UseSetting("Hotline:Security:ApiKeys:0:Key", IntegratorKey);
        builder.UseSetting("Hotline:Security:ApiKeys:0:Roles:0", "integrator");
        builder.UseSetting("Hotline:Security:ApiKeys:1:Name", "wechat");
        builder.UseSetting("Hotline:Security:ApiKeys:1:Key", OtherIntegratorKey);
        builder.UseSetting("Hotline:Security:ApiKeys:1:Roles:0", "integrator");
        builder.UseSetting("Hotline:Security:ApiKeys:9:Name", "xihu-portal");
        builder.UseSetting("Hotline:Security:ApiKeys:9:Key", DistrictIntegratorKey);
        builder.UseSetting("Hotline:Security:ApiKeys:9:Roles:0", "integrator");
        builder.UseSetting("Hotline:Security:ApiKeys:9:DistrictCode", DistrictIntegratorDistrict);
        builder.UseSetting("Hotline:Security:BootstrapAdmin:UserName", "admin");
        builder.UseSetting("Hotline:Security:BootstrapAdmin:Password", AdminPassword);
        // 三查 samples a share of cases by their ids: none by default, so a test's case never takes a quality detour by chance.
        builder.UseSetting("Hotline:Quality:CaseShare", "0");
        builder.UseSetting("Hotline:Quality:CallbackShare", "0");
        // OpenTelemetry listens to meters by name in the whole process: with every test host exporting, one host's scrape
        // would show another's gauges. The telemetry tests' host turns it on (TelemetryHost).
        builder.UseSetting("Hotline:Telemetry:Metrics", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Passwords hashed with few rounds: every test signs people in, and a hash at the host's count costs ~100 ms
            // of CPU (PasswordHasherTests checks the host's own).
            services.RemoveAll<Hotline.Domain.Users.PasswordHasher>();
            services.AddSingleton(TestPasswords.Hasher);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>A client authenticated with an integrator key.</summary>
    public HttpClient CreateIntegratorClient(string key = IntegratorKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    /// <summary>
    /// Creates an account with <paramref name="roles"/> (and the unit of a unit user) and returns a client signed in as
    /// it through <c>POST /api/auth/token</c>, as a person's browser would be.
    /// </summary>
    public async Task<HttpClient> CreateUserClientAsync(string userName, string[] roles, string? unitCode = null, string? districtCode = null)
    {
        var users = Services.GetRequiredService<Hotline.Domain.Users.UserService>();
        var user = new Hotline.Domain.Users.NewUser(userName, userName + " 测试", UserPassword, roles, unitCode, districtCode);
        var errors = await users.ValidateAsync(user);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        await users.CreateAsync(user);
        return await SignInAsync(userName, UserPassword);
    }

    /// <summary>A client signed in through <c>POST /api/auth/token</c>.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Publishes a definition through the runtime, as an import would.</summary>
    public async Task PublishAsync(string json)
    {
        var runtime = Services.GetRequiredService<WorkflowRuntime>();
        await WorkflowFileRunner.PublishImportedAsync(runtime, WorkflowDefinitionReader.Parse(json));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDatabaseOnDispose && _sqliteFile is null)
            return;
        try
        {
            Directory.Delete(_directory, recursive: true);
            if (_sqliteFile is not null && !KeepDatabaseOnDispose)
                Directory.Delete(Path.GetDirectoryName(_sqliteFile)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock that moves only when told.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}
