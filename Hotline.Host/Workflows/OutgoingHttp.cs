using Hotline.Workflows.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Workflows;

/// <summary>Sends the HTTP requests of workflows through a named client of IHttpClientFactory, guarded against internal addresses.</summary>
public static class OutgoingHttp
{
    /// <summary>The named client.</summary>
    public const string ClientName = "Hotline.Workflows.SendHttpRequest";

    /// <summary>Adds <see cref="OutgoingHttpOptions"/>, the named client and the engine's <see cref="IHttpRequestSender"/>.</summary>
    public static IServiceCollection AddHotlineOutgoingHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutgoingHttpOptions>().Bind(configuration.GetSection(HttpWorkflowsOptions.SectionName))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Hotline:Workflows:Http:RequestTimeout must be positive.")
            .Validate(o => o.MaxResponseContentSize is > 0 and <= int.MaxValue, "Hotline:Workflows:Http:MaxResponseContentSize must be between 1 and 2147483647.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new HttpAddressGuard(sp.GetRequiredService<IOptions<OutgoingHttpOptions>>().Value.AllowedHosts));
        services.AddHttpClient(ClientName, (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<OutgoingHttpOptions>>().Value;
                client.Timeout = options.RequestTimeout;
                client.MaxResponseContentBufferSize = options.MaxResponseContentSize;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedHttpRequestSender.CreateHandler(sp.GetRequiredService<HttpAddressGuard>()));
        // AddWorkflowEngine registered the engine's default (public addresses, no configuration); the host's replaces it.
        services.Replace(ServiceDescriptor.Singleton<IHttpRequestSender>(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new GuardedHttpRequestSender(sp.GetRequiredService<HttpAddressGuard>(), () => factory.CreateClient(ClientName));
        }));
        return services;
    }
}
