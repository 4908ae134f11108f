using Hotline.Host.Api.Open311;

// In the framework's namespace, like its own MapX methods, so Program.cs needs no using for it.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Open311 GeoReport v2 (<see cref="Open311Api"/>).</summary>
public static class Open311EndpointRouteBuilderExtensions
{
    /// <summary>Maps the GeoReport v2 methods under <c>/open311/v2</c>.</summary>
    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app) => Open311Api.Map(app);
}
