using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Operations.Proxy;

/// <summary>
/// Behind a TLS-terminating proxy: the client's address and scheme from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, taken only from a request whose peer is one of <see cref="ProxyOptions.KnownProxies"/>
/// (so cookies are marked Secure, origin checks see https, and logs and lock-outs see the client).
/// </summary>
public static class ForwardedHeaders
{
    /// <summary>Adds <see cref="ProxyOptions"/> (validated on start) and the forwarded-headers settings built from them.</summary>
    public static IServiceCollection AddHotlineProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only the configured proxies are trusted here.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var address in proxy.Value.Addresses())
                forwarded.KnownProxies.Add(address);
            // One proxy in front: the last forwarded address is the client's.
            forwarded.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>Applies the forwarded headers of trusted proxies; first in the pipeline, so everything after sees the client.</summary>
    public static IApplicationBuilder UseHotlineProxy(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value;
        return proxies.KnownProxies.Count == 0 ? app : app.UseForwardedHeaders();
    }
}
