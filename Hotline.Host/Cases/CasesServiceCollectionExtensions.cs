using Hotline.Host.Cases;
using Hotline.Host.Inbox;
using Hotline.Host.Knowledge;
using Hotline.Host.Units;
using Hotline.Workflows.Activities.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace, like the framework's own AddX methods, so Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hotline's case domain: cases, units and routing, the knowledge base and the task inbox.</summary>
public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CaseOptions"/> and <see cref="RoutingOptions"/> (validated on start), the case, routing,
    /// duplicate and knowledge-base services, and <see cref="InboxTaskDispatcher"/> as the engine's
    /// <see cref="ITaskDispatcher"/> (replacing the in-memory one whichever is registered first), with
    /// <see cref="InboxReconciliationService"/> to recover lost dispatches at start-up. Needs
    /// <c>AddHotlinePersistence</c>. Reference data (units, subjects, rules, articles) is never loaded here: the
    /// demo city is loaded only by <c>demo seed</c>.
    /// </summary>
    public static IServiceCollection AddHotlineCases(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CaseOptions>, CaseOptionsValidator>());
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<CaseNumberGenerator>();
        services.TryAddSingleton<CaseRegistrar>();
        services.TryAddSingleton<DuplicateFinder>();
        services.TryAddSingleton<RoutingService>();
        services.TryAddSingleton<KnowledgeBase>();

        services.TryAddSingleton<InboxTaskDispatcher>();
        services.Replace(ServiceDescriptor.Singleton<ITaskDispatcher>(sp => sp.GetRequiredService<InboxTaskDispatcher>()));
        services.TryAddSingleton<InboxReconciler>();
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName));
        services.AddHostedService<InboxReconciliationService>();
        return services;
    }
}
