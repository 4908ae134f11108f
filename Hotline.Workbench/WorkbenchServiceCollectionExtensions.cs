using Hotline.Workbench.Account;
using Hotline.Workbench.Shared;
using Microsoft.AspNetCore.Components.Authorization;

namespace Hotline.Workbench;

/// <summary>Registration of the workbench's components; the host adds its ports (<see cref="Cases.IWorkbenchCases"/>).</summary>
public static class WorkbenchServiceCollectionExtensions
{
    /// <summary>Adds Blazor (interactive server rendering), Ant Design, the options and the session check of open pages.</summary>
    public static IServiceCollection AddHotlineWorkbench(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkbenchOptions>().Bind(configuration.GetSection(WorkbenchOptions.SectionName))
            .Validate(o => o.SessionCheckInterval > TimeSpan.Zero, "Hotline:Workbench:SessionCheckInterval is positive.")
            .ValidateOnStart();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddSingleton<WorkbenchTime>();
        return services;
    }
}
