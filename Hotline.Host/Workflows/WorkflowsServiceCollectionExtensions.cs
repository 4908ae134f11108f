using Hotline.Workflows;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Host.Workflows;

/// <summary>Registers the workflow engine with the host's stores, clock and logging.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Adds the engine: activity registry, runtime, task dispatcher and timer scheduler.</summary>
    public static IServiceCollection AddHotlineWorkflows(this IServiceCollection services)
    {
        // The host's ports first (stores by AddHotlinePersistence, the inbox by AddHotlineCases, Quartz by
        // AddHotlineScheduling, which replace these); the engine fills in the rest.
        services.TryAddSingleton<ITextOutput, LoggingTextOutput>();
        services.AddWorkflowEngine(engine =>
        {
            engine.ActivityAssemblies.Add(typeof(WorkflowsServiceCollectionExtensions).Assembly);
            engine.IsTransient = Persistence.TransientFailures.IsTransient;
        });
        services.AddHostedService<DefinitionSeeder>();
        // The inbox's actions resume workflows, so the service comes with the engine (the cases part only stores tasks).
        services.TryAddSingleton<Inbox.InboxService>();
        services.TryAddScoped<Cases.CaseIntake>();
        services.TryAddSingleton<Persistence.IdempotencyKeys>();
        services.TryAddSingleton<EntryPoints.EntryPointService>();
        services.TryAddScoped<EntryPoints.EntryPointStarter>();
        return services;
    }
}

/// <summary>Sends <c>Elsa.WriteLine</c> lines to the log.</summary>
public sealed class LoggingTextOutput(ILogger<LoggingTextOutput> logger) : ITextOutput
{
    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text) => logger.LogInformation("[{InstanceId}] {Text}", workflowInstanceId, text);
}
