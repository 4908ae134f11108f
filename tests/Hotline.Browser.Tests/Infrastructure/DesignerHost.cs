using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Hotline.Domain.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Hotline.Domain.Users;

namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>
/// The host on a real socket on 127.0.0.1 (Kestrel, a free port) so that Chromium can load the designer, on a fresh
/// SQLite file, with a fake clock, an integrator API key, the bootstrap administrator and a small city (units, a
/// subject, a routing rule) for cases.
/// </summary>
public sealed class DesignerHost : WebApplicationFactory<Program>
{
    public const string IntegratorKey = "designer-test-integrator-key-41d7";
    public const string AdminPassword = "designer-test-admin-password-8c2f";
    public const string UserPassword = "designer-test-user-password-2e6a";

    /// <summary>Monday 2 March 2026, 09:00 in Beijing: a working day in the shipped calendar.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hotline-designer-test-" + Guid.NewGuid().ToString("N"));

    public DesignerHost()
    {
        Directory.CreateDirectory(_directory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Clock { get; } = new(Monday);

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string Address { get; private set; } = "";

    /// <summary>The share of closed cases checked again (三查 查工单, <c>Hotline:Quality:CaseShare</c>): "0" unless a test sets it.</summary>
    public string QualityCaseShare { get; init; } = "0";

    /// <summary>Starts the host and seeds the city.</summary>
    public static Task<DesignerHost> StartAsync() => StartAsync(new DesignerHost());

    /// <summary>Starts <paramref name="host"/> (made with the settings a test needs) and seeds the city.</summary>
    public static async Task<DesignerHost> StartAsync(DesignerHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.Address = addresses.Single().TrimEnd('/');
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = "RX-PD", Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Hotline:Database:Provider", "Sqlite");
        builder.UseSetting("Hotline:Database:ConnectionString", $"Data Source={Path.Combine(_directory, "hotline.db")}");
        // Attachments in the test's own folder, never under the content root (the source tree).
        builder.UseSetting("Hotline:Attachments:Directory", Path.Combine(_directory, "attachments"));
        builder.UseSetting("Hotline:Security:ApiKeys:0:Name", "portal");
        builder.UseSetting("Hotline:Security:ApiKeys:0:Key", IntegratorKey);
        builder.UseSetting("Hotline:Security:ApiKeys:0:Roles:0", "integrator");
        builder.UseSetting("Hotline:Security:BootstrapAdmin:UserName", "admin");
        builder.UseSetting("Hotline:Security:BootstrapAdmin:Password", AdminPassword);
        // Text messages are written to the outbox (the rating page's test reads its link there) and never sent.
        builder.UseSetting("Hotline:Notices:Sms:Url", "http://127.0.0.1:9/sms");
        builder.UseSetting("Hotline:Notices:Sms:Secret", "browser-tests-sms-secret-0a7c");
        builder.UseSetting("Hotline:Notices:Delivery:Enabled", "false");
        // 三查 samples a share of cases by their ids: none unless a test asks, so no case takes a quality detour by chance.
        builder.UseSetting("Hotline:Quality:CaseShare", QualityCaseShare);
        builder.UseSetting("Hotline:Quality:CallbackShare", "0");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Passwords hashed with few rounds (a hash at the host's count costs ~100 ms of CPU per account and sign-in).
            services.RemoveAll<PasswordHasher>();
            services.AddSingleton(new PasswordHasher(1_000));
        });
    }

    /// <summary>A client of the real socket, optionally with an Authorization header.</summary>
    public HttpClient Client(string? scheme = null, string? credentials = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Address + "/") };
        if (scheme is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, credentials);
        return client;
    }

    /// <summary>A client with the integrator's API key.</summary>
    public HttpClient IntegratorClient() => Client("ApiKey", IntegratorKey);

    /// <summary>A bearer token from <c>POST /api/auth/token</c>.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Creates an account with <paramref name="roles"/>.</summary>
    public async Task CreateUserAsync(string userName, string[] roles, string? unitCode = null)
    {
        var users = Services.GetRequiredService<UserService>();
        var user = new NewUser(userName, userName + " 测试", UserPassword, roles, unitCode);
        var errors = await users.ValidateAsync(user);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        await users.CreateAsync(user);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
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
