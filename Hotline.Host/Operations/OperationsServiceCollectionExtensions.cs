using Hotline.Host.Operations.Health;
using Hotline.Host.Operations.Keys;
using Hotline.Host.Operations.Proxy;
using Hotline.Host.Telemetry;

namespace Hotline.Host.Operations;

/// <summary>What an operator running the host relies on: health, the reverse proxy, shared keys, telemetry.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>/health/live</c> and <c>/health/ready</c>, the forwarded headers of the known proxies, the
    /// data-protection keys every host shares, and OpenTelemetry (metrics scrape, traces, logs).
    /// </summary>
    public static IServiceCollection AddHotlineOperations(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHotlineHealth(configuration)
            .AddHotlineProxy(configuration)
            .AddHotlineDataProtection(configuration)
            .AddHotlineTelemetry(configuration);
}
