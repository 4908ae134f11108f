using Hotline.Workflows;
using Hotline.Workflows.CSharp;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<JavaScriptOptions>().BindConfiguration(JavaScriptOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JavaScriptOptions>, JavaScriptOptionsValidator>());
        services.AddWorkflowEngine(engine =>
        {
            engine.JavaScriptFromServices = sp => sp.GetRequiredService<IOptions<JavaScriptOptions>>().Value.ToLimits();
            // The hotline's activities live in the domain.
            engine.ActivityAssemblies.Add(typeof(Hotline.Domain.Activities.RegisterCase).Assembly);
            engine.IsTransient = Hotline.Domain.Persistence.TransientFailures.IsTransient;
            // C# expressions and Elsa.RunCSharp; only administrators may store definitions using them (CSharpAuthorship).
            engine.AddCSharp();
        });
        services.AddHostedService<DefinitionSeeder>();
        // The inbox's actions resume workflows, so the service comes with the engine (the cases part only stores tasks).
        services.TryAddSingleton<Hotline.Domain.Inbox.InboxService>();
        services.TryAddSingleton<Hotline.Domain.Operations.CaseOperations>();
        services.TryAddScoped<Hotline.Domain.Cases.CaseIntake>();
        services.TryAddSingleton<Hotline.Domain.Persistence.IdempotencyKeys>();
        services.TryAddSingleton<Hotline.Domain.EntryPoints.EntryPointService>();
        services.TryAddScoped<Hotline.Domain.EntryPoints.EntryPointStarter>();
        return services;
    }
}

/// <summary>Sends <c>Elsa.WriteLine</c> lines to the log.</summary>
public sealed class LoggingTextOutput(ILogger<LoggingTextOutput> logger) : ITextOutput
{
    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text) => logger.LogInformation("[{InstanceId}] {Text}", workflowInstanceId, text);
}
