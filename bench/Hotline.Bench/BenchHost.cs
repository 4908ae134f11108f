using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hotline.Bench;

/// <summary>
/// The real host (Hotline.Host's Program) in this process, on the given database, with the system clock or
/// <paramref name="clock"/> (the scale benchmark's, which it moves to age its template cases).
/// </summary>
internal sealed class BenchHost(string provider, string connectionString, TimeProvider? clock = null) : WebApplicationFactory<global::Program>
{
    /// <summary>The bootstrap administrator's password.</summary>
    public string AdminPassword { get; } = "bench-admin-" + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Hotline:Database:Provider", provider);
        builder.UseSetting("Hotline:Database:ConnectionString", connectionString);
        builder.UseSetting("Hotline:Attachments:Directory", Path.Combine(Path.GetTempPath(), "hotline-bench-attachments"));
        builder.UseSetting("Hotline:Security:BootstrapAdmin:UserName", "admin");
        builder.UseSetting("Hotline:Security:BootstrapAdmin:Password", AdminPassword);
        // 三查 would send a share of cases to the quality desk; the bench measures the plain path.
        builder.UseSetting("Hotline:Quality:CaseShare", "0");
        builder.UseSetting("Hotline:Quality:CallbackShare", "0");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            // The scale benchmark fires timers itself (the template cases' own, then one measured sweep).
            builder.UseSetting("Hotline:Scheduling:SweepInterval", "1.00:00:00");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}
