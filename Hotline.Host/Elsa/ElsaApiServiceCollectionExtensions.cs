using Hotline.Host.Security;
using Microsoft.Extensions.Options;
using Hotline.Domain.Users;

namespace Hotline.Host.Elsa;

/// <summary>Settings of the Elsa Studio back end, bound from <c>Hotline:Designer</c>.</summary>
public sealed class DesignerApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hotline:Designer";

    /// <summary>
    /// Origins (<c>https://designer.example.gov.cn</c>) whose pages may call <c>/elsa/api</c> from a browser. Empty: only
    /// pages served by the host itself (same origin, no CORS needed).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>Registration of the Elsa Studio back end (<c>/elsa/api</c>).</summary>
public static class ElsaApiServiceCollectionExtensions
{
    /// <summary>The CORS policy of <c>/elsa/api</c>.</summary>
    public const string CorsPolicy = "ElsaStudio";

    /// <summary>The authorization policy of <c>/elsa/api</c>: signed-in administrators.</summary>
    public const string AuthorizationPolicy = "ElsaStudio";

    /// <summary>Response headers the Studio reads: the Run button's instance id and "cannot start", export file names.</summary>
    public static readonly IReadOnlyList<string> ExposedHeaders = [ElsaHeaders.WorkflowInstanceId, ElsaHeaders.WorkflowCannotStart, "Content-Disposition"];

    /// <summary>Adds the services, the administrator policy and the CORS policy of the configured origins.</summary>
    public static IServiceCollection AddHotlineElsaApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DesignerApiOptions>()
            .Bind(configuration.GetSection(DesignerApiOptions.Section))
            .Validate(o => o.AllowedOrigins.TrueForAll(IsOrigin), "Hotline:Designer:AllowedOrigins must hold origins such as https://designer.example.gov.cn (scheme, host and port; no path).")
            .ValidateOnStart();
        services.AddSingleton<ActivityDescriptorCatalog>();
        services.AddSingleton<ActivityDescriptorCache>();
        services.AddSingleton<ElsaWireFormat>();
        services.AddSingleton<ElsaDefinitionService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicy, p => p.RequireAuthenticatedUser().RequireRole(HotlineRoles.Administrator));
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DesignerApiOptions>>((cors, designer) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(designer.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray())
                .WithHeaders("Authorization", "Content-Type", "X-Tenant-Id")
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithExposedHeaders([.. ExposedHeaders])));
        return services;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0;
}

/// <summary>Headers of Elsa's API.</summary>
public static class ElsaHeaders
{
    /// <summary>The instance the Run button started.</summary>
    public const string WorkflowInstanceId = "x-elsa-workflow-instance-id";

    /// <summary>Whether the workflow could not start.</summary>
    public const string WorkflowCannotStart = "x-elsa-workflow-cannot-start";
}
