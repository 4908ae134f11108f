using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hotline.Host.Tests.Scheduling;

/// <summary>A definition that waits on an <c>Elsa.Delay</c>, and helpers to run it on a test host.</summary>
internal static class TimerWorkflow
{
    /// <summary>The delay of <see cref="Json"/>.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromHours(2);

    /// <summary>Waits two hours, then writes a line.</summary>
    public static string Json => WithDelay("timer", "02:00:00");

    /// <summary>The same flow under another definition id and delay.</summary>
    public static string WithDelay(string definitionId, string delay) => """
        {"id":"DEFINITION_ID-v1","definitionId":"DEFINITION_ID","name":"Timer","version":1,
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,
           "activities":[
             {"id":"d","type":"Elsa.Delay","version":1,"timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"DELAY"}}},
             {"id":"w","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"fired"}}}],
           "connections":[{"source":{"activity":"d","port":"Done"},"target":{"activity":"w","port":"In"}}]}}
        """.Replace("DEFINITION_ID", definitionId, StringComparison.Ordinal).Replace("DELAY", delay, StringComparison.Ordinal);

    /// <summary>
    /// The factory's host with a sweep interval longer than any test advances its clock, so the only sweeps are the
    /// start-up one and those a test runs itself. <see cref="PublishAsync"/> waits for the start-up sweep, so a test
    /// that advances the clock afterwards knows that sweep cannot fire its timers.
    /// </summary>
    public static WebApplicationFactory<Program> Quiet(this HotlineFactory factory, Action<IWebHostBuilder>? configure = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Hotline:Scheduling:SweepInterval", "1.00:00:00");
            builder.ConfigureServices(services =>
            {
                var startup = new StartupSweepListener();
                services.AddSingleton(startup);
                services.ConfigureAllQuartzSchedulers(q => q.AddJobListener(startup, [Matchers.Key(DueTimersJob.Key)]));
            });
            configure?.Invoke(builder);
        });

    /// <summary>Waits until the host's start-up sweep has returned (it runs on a Quartz thread, maybe late on a busy machine).</summary>
    public static Task StartupSweepAsync(this WebApplicationFactory<Program> host) =>
        host.Services.GetRequiredService<StartupSweepListener>().Executed.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public static WorkflowRuntime Runtime(this WebApplicationFactory<Program> host) => host.Services.GetRequiredService<WorkflowRuntime>();

    public static DueTimerSweeper Sweeper(this WebApplicationFactory<Program> host) => host.Services.GetRequiredService<DueTimerSweeper>();

    /// <summary>Publishes a definition through this host's runtime (its own database, unlike <see cref="HotlineFactory.PublishAsync"/>).</summary>
    public static async Task PublishAsync(this WebApplicationFactory<Program> host, string json)
    {
        await host.StartupSweepAsync();
        await WorkflowFileRunner.PublishImportedAsync(host.Runtime(), WorkflowDefinitionReader.Parse(json));
    }

    /// <summary>How often the Delay activity was resumed, from the stored journal.</summary>
    public static async Task<int> DelayResumedCountAsync(this IWorkflowInstanceStore store, string instanceId) =>
        (await store.GetJournalAsync(instanceId)).Count(e => e.ActivityId == "d" && e.EventName == "Resumed");

    /// <summary>Completes when the first run of <see cref="DueTimersJob"/> (the start-up sweep) has returned.</summary>
    internal sealed class StartupSweepListener : IJobListener
    {
        public TaskCompletionSource Executed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "test-startup-sweep";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            Executed.TrySetResult();
            return default;
        }
    }
}
