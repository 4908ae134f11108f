using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hotline.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host (<see cref="TelemetryOptions"/>): the engine's and the hotline's meters, HTTP server and
/// client, the .NET runtime and Npgsql, served to Prometheus at <see cref="TelemetryOptions.ScrapePath"/>; spans of HTTP
/// requests, bursts, commits and Npgsql commands; all three sent to an OTLP collector when one is configured.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name the host reports.</summary>
    public const string ServiceName = "hotline";

    /// <summary>Adds the options, the hotline's gauges and the OpenTelemetry SDK as configured.</summary>
    public static IServiceCollection AddHotlineTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton<HotlineMetrics>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var traces = options.Traces ?? options.OtlpEndpoint is not null;
        if (!options.Metrics && !traces && options.OtlpEndpoint is null)
            return services;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        if (options.Metrics)
            telemetry.WithMetrics(metrics => ConfigureMetrics(metrics, options));
        if (traces)
            telemetry.WithTracing(tracing => ConfigureTracing(tracing, options));
        if (options.OtlpEndpoint is { } endpoint)
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => o.Endpoint = endpoint));
        return services;
    }

    private static void ConfigureMetrics(MeterProviderBuilder metrics, TelemetryOptions options)
    {
        metrics.AddMeter(WorkflowTelemetry.Name, HotlineMetrics.MeterName, SqliteWriteGateMetrics.MeterName, "Npgsql")
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeEndpointPath = options.ScrapePath);
        if (options.OtlpEndpoint is { } endpoint)
            metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, TelemetryOptions options)
    {
        tracing.AddSource(WorkflowTelemetry.Name, "Npgsql")
            // Scrapes every few seconds are noise, not requests anyone needs to follow.
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(options.ScrapePath, StringComparison.Ordinal))
            .AddHttpClientInstrumentation();
        if (options.OtlpEndpoint is { } endpoint)
            tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
    }

    /// <summary>
    /// Serves the metrics at <see cref="TelemetryOptions.ScrapePath"/> to the callers <see cref="ScrapeAccess"/> lets in;
    /// everyone else gets 404, as if there were nothing there.
    /// </summary>
    public static WebApplication MapHotlineTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Metrics)
            return app;
        // The gauges exist once their meter does.
        app.Services.GetRequiredService<HotlineMetrics>();
        var access = new ScrapeAccess(options);
        app.MapPrometheusScrapingEndpoint(options.ScrapePath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (access.Allows(context))
                await next(context);
            else
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        }), optionsName: null).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
