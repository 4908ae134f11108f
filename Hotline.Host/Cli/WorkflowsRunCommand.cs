using Hotline.Workflows.Activities;
using Hotline.Workflows.CSharp;
using Hotline.Workflows.CSharp.Activities;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Hotline.Host.Cli;

/// <summary>
/// <c>workflows run [--fast-timers] FILE [DEPENDENCY...]</c>: imports the files into an in-memory store (nothing is
/// written to the database), runs the first, prints each <c>Elsa.WriteLine</c> line on standard output and ends with
/// <c>status: &lt;Finished|Suspended|Faulted|Cancelled&gt;</c>. Logs go to standard error. Exit code 0 only for Finished.
/// </summary>
internal static class WorkflowsRunCommand
{
    public const string Usage = "usage: workflows run [--fast-timers] FILE [DEPENDENCY...]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var fastTimers = args.Contains("--fast-timers");
        var files = args.Where(a => a != "--fast-timers").ToList();
        if (files.Count == 0 || files.Exists(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            await stderr.WriteLineAsync($"error: file not found: {file}");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        CSharpExpressions.Register();
        var runtime = new WorkflowRuntime(
            ActivityRegistry.CreateDefault().RegisterAssembly(typeof(RunCSharp).Assembly),
            new MemoryWorkflowDefinitionStore(),
            new MemoryWorkflowInstanceStore(),
            new EngineServices { Clock = TimeProvider.System, TextOutput = new TextWriterOutput(stdout) },
            logger: loggerFactory.CreateLogger<WorkflowRuntime>());
        RunResult result;
        try
        {
            result = await WorkflowFileRunner.RunAsync(runtime, files, fastTimers, cancellationToken);
        }
        catch (WorkflowDefinitionException e)
        {
            foreach (var error in e.Errors)
                await stderr.WriteLineAsync($"error: {error}");
            await stdout.WriteLineAsync("status: Faulted");
            return 1;
        }

        foreach (var incident in result.Incidents)
            await stderr.WriteLineAsync($"incident: activity {incident.ActivityId} ({incident.ActivityType}): {incident.Message}");
        await stdout.WriteLineAsync($"status: {result.StatusText}");
        return result.SubStatus == WorkflowSubStatus.Finished ? 0 : 1;
    }
}
