using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Operations.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, migrations, scheduler, timer backlog)
/// for load balancers and orchestrators: anonymous, the body only <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>
/// (503); what failed and why goes to the log, never to the caller.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Where the probes are.</summary>
    public static readonly PathString BasePath = "/health";

    private const string ReadyTag = "ready";

    /// <summary>Adds the checks and <see cref="HealthOptions"/> (validated on start).</summary>
    public static IServiceCollection AddHotlineHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        // A singleton: it remembers that the migrations were found applied.
        services.TryAddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks();
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<HealthOptions>>((checks, health) =>
        {
            var timeout = health.Value.Timeout;
            checks.Registrations.Add(Registration<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, timeout));
            checks.Registrations.Add(Registration<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, timeout));
            checks.Registrations.Add(Registration<TimerBacklogHealthCheck>("timer-backlog", HealthStatus.Degraded, timeout));
        });
        return services;
    }

    /// <summary>Maps the two probes, open to anyone.</summary>
    public static IEndpointRouteBuilder MapHotlineHealth(this IEndpointRouteBuilder app)
    {
        // The default writer sends the overall status alone, as text/plain, with caching forbidden.
        app.MapHealthChecks(BasePath + "/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks(BasePath + "/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static HealthCheckRegistration Registration<TCheck>(string name, HealthStatus failure, TimeSpan timeout)
        where TCheck : class, IHealthCheck =>
        new(name, sp => ActivatorUtilities.GetServiceOrCreateInstance<TCheck>(sp), failure, [ReadyTag], timeout);
}
