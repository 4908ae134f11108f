namespace Hotline.Host.Elsa;

/// <summary>
/// The HTTP contract of Elsa Studio 3.8.2 (npm <c>@elsa-workflows/elsa-studio-wasm</c>) under <c>/elsa/api</c>, on
/// this host's engine, so administrators design and inspect workflows with Elsa's own designer. Only signed-in
/// administrators reach it; browsers may call it from the configured designer origins (CORS, preflights answered
/// before authentication).
/// </summary>
public static class ElsaApi
{
    /// <summary>The mount point; the Studio's <c>remote-endpoint</c> attribute is this path on the host.</summary>
    public const string BasePath = "/elsa/api";

    /// <summary>Maps every endpoint the Studio's elements call.</summary>
    public static IEndpointRouteBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath)
            .RequireAuthorization(ElsaApiServiceCollectionExtensions.AuthorizationPolicy)
            .RequireCors(ElsaApiServiceCollectionExtensions.CorsPolicy)
            .WithTags("Elsa Studio")
            .ExcludeFromDescription();
        api.MapElsaDescriptors();
        api.MapElsaDefinitions();
        api.MapElsaDefinitionGraph();
        api.MapElsaInstances();
        api.MapElsaInstanceDeletion();
        api.MapElsaActivityExecutions();
        api.MapElsaActivityTests();
        return app;
    }
}
