using Hotline.Domain.Persistence;

namespace Hotline.Host.Cli;

/// <summary>The small host a command-line verb runs in: settings from the usual places and the arguments, the database, warnings on standard error.</summary>
internal static class CliHost
{
    /// <summary>
    /// A host on the configured database (appsettings.json in the current directory, environment variables, trailing
    /// <c>--Section:Key=value</c> <paramref name="settings"/>), migrated; <paramref name="services"/> adds what the verb needs.
    /// </summary>
    public static async Task<IHost> StartAsync(string[] settings, Action<IServiceCollection, IConfiguration>? services, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // Standard output carries only the verb's answer.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHotlinePersistence(builder.Configuration);
        services?.Invoke(builder.Services, builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.Services.MigrateHotlineDatabaseAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
