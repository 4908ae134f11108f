using System.Reflection;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hotline.Workflows;

/// <summary>How the host adds to the engine: its activities and what counts as a passing failure.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>Assemblies whose activities are registered besides the engine's own.</summary>
    public IList<Assembly> ActivityAssemblies { get; } = [];

    /// <summary>See <see cref="EngineServices.IsTransient"/>; none by default.</summary>
    public Func<Exception, bool> IsTransient { get; set; } = static _ => false;

    /// <summary>What one JavaScript evaluation may use: time (2 s), statements, memory, recursion.</summary>
    public Expressions.JavaScriptLimits JavaScript { get; set; } = Expressions.JavaScriptLimits.Default;

    /// <summary>
    /// Reads the JavaScript limits from the host's services when the engine is first resolved (a host's configuration is
    /// bound after registration); wins over <see cref="JavaScript"/> when set.
    /// </summary>
    public Func<IServiceProvider, Expressions.JavaScriptLimits>? JavaScriptFromServices { get; set; }
}

/// <summary>Registers the engine: the activity registry, its ports and the runtime.</summary>
public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="WorkflowRuntime"/> and what it needs. Each port — definition and instance stores, the unit of
    /// work of a burst, bookmark scheduler, text output, clock — gets its default implementation (in memory; a DI scope
    /// per burst saved by the instance store) unless the host registered its own first, so a host registers its ports
    /// and then calls this.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
    {
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ =>
        {
            var registry = ActivityRegistry.CreateDefault();
            foreach (var assembly in options.ActivityAssemblies)
                registry.RegisterAssembly(assembly);
            return registry;
        });
        services.TryAddSingleton<ITextOutput>(NullTextOutput.Instance);
        services.TryAddSingleton<Http.IHttpRequestSender>(Http.GuardedHttpRequestSender.Default);
        services.TryAddSingleton<IBookmarkScheduler, InMemoryBookmarkScheduler>();
        services.TryAddSingleton<IWorkflowDefinitionStore, MemoryWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowInstanceStore, MemoryWorkflowInstanceStore>();
        services.TryAddSingleton<IBurstScopeFactory>(sp => new StoreBurstScopeFactory(sp.GetRequiredService<IWorkflowInstanceStore>(), sp));
        services.TryAddSingleton(sp => new EngineServices
        {
            Clock = sp.GetRequiredService<TimeProvider>(),
            TextOutput = sp.GetRequiredService<ITextOutput>(),
            HostServices = sp,
            IsTransient = options.IsTransient,
            JavaScript = options.JavaScriptFromServices?.Invoke(sp) ?? options.JavaScript,
            HttpRequests = sp.GetRequiredService<Http.IHttpRequestSender>(),
        });
        services.TryAddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetRequiredService<IWorkflowDefinitionStore>(),
            sp.GetRequiredService<IWorkflowInstanceStore>(),
            sp.GetRequiredService<EngineServices>(),
            sp.GetRequiredService<IBurstScopeFactory>(),
            sp.GetRequiredService<IBookmarkScheduler>(),
            sp.GetService<ILogger<WorkflowRuntime>>()));
        return services;
    }
}
