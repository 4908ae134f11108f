using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Host.Workflows;

/// <summary>Registers the workflow engine with the host's stores, clock and logging.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Adds the engine: activity registry, runtime, task dispatcher and timer scheduler.</summary>
    public static IServiceCollection AddHotlineWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ActivityRegistry.CreateDefault().RegisterAssembly(typeof(WorkflowsServiceCollectionExtensions).Assembly));
        services.TryAddSingleton<ITextOutput, LoggingTextOutput>();
        services.TryAddSingleton<ITaskDispatcher, InMemoryTaskDispatcher>();
        services.TryAddSingleton<IBookmarkScheduler, InMemoryBookmarkScheduler>();
        services.TryAddSingleton(sp => new EngineServices
        {
            Clock = sp.GetRequiredService<TimeProvider>(),
            TextOutput = sp.GetRequiredService<ITextOutput>(),
            HostServices = sp,
            IsTransient = Persistence.TransientFailures.IsTransient,
        });
        services.TryAddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetRequiredService<Hotline.Workflows.Persistence.IWorkflowDefinitionStore>(),
            sp.GetRequiredService<Hotline.Workflows.Persistence.IWorkflowInstanceStore>(),
            sp.GetRequiredService<EngineServices>(),
            sp.GetRequiredService<ITaskDispatcher>(),
            sp.GetRequiredService<IBookmarkScheduler>(),
            sp.GetRequiredService<ILogger<WorkflowRuntime>>()));
        services.AddHostedService<DefinitionSeeder>();
        // The inbox's actions resume workflows, so the service comes with the engine (the cases part only stores tasks).
        services.TryAddSingleton<Inbox.InboxService>();
        services.TryAddSingleton<Cases.CaseIntake>();
        services.TryAddSingleton<Persistence.IdempotencyKeys>();
        services.TryAddSingleton<EntryPoints.EntryPointService>();
        services.TryAddSingleton<EntryPoints.EntryPointStarter>();
        return services;
    }
}

/// <summary>Sends <c>Elsa.WriteLine</c> lines to the log.</summary>
public sealed class LoggingTextOutput(ILogger<LoggingTextOutput> logger) : ITextOutput
{
    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text) => logger.LogInformation("[{InstanceId}] {Text}", workflowInstanceId, text);
}
