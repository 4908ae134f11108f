using Hotline.Workflows.Definitions;
using Hotline.Workflows.Scheduling;

namespace Hotline.Workflows.Runtime;

/// <summary>
/// Imports definition files and runs the first until it finishes or waits on something other than a timer; timers are
/// fired when due, or at once with <c>fastTimers</c>. Used by <c>workflows run</c> and by the fixture tests.
/// </summary>
public static class WorkflowFileRunner
{
    /// <summary>Publishes the files (dependencies first) into the runtime's store, then runs the first file.</summary>
    public static async Task<RunResult> RunAsync(WorkflowRuntime runtime, IReadOnlyList<string> files, bool fastTimers, CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
            throw new ArgumentException("No definition file given.", nameof(files));
        var definitions = files.Select(WorkflowDefinitionReader.ReadFile).ToList();
        foreach (var definition in definitions.Skip(1).Append(definitions[0]))
            await PublishImportedAsync(runtime, definition, cancellationToken);

        var blueprint = await runtime.CompileAsync(definitions[0], cancellationToken);
        var result = await runtime.StartAsync(blueprint, new StartOptions(), cancellationToken);
        while (result.Status == WorkflowStatus.Running && result.Bookmarks.Where(b => b.ResumeAt is not null).MinBy(b => b.ResumeAt) is { } timer)
        {
            if (!fastTimers && timer.ResumeAt > runtime.Services.Clock.GetUtcNow())
                await Task.Delay(timer.ResumeAt!.Value - runtime.Services.Clock.GetUtcNow(), runtime.Services.Clock, cancellationToken);
            if (runtime.BookmarkScheduler is InMemoryBookmarkScheduler memory)
                await memory.UnscheduleAsync(result.InstanceId, timer, cancellationToken);
            result = await runtime.ResumeAsync(result.InstanceId, timer.Id, null, cancellationToken);
        }

        return result;
    }

    /// <summary>Stores an imported definition as the published, latest version of its definition id.</summary>
    public static async Task PublishImportedAsync(WorkflowRuntime runtime, WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        // Validate before storing: nothing broken is stored.
        var errors = WorkflowValidator.Validate(await runtime.CompileAsync(definition, cancellationToken));
        if (errors.Count > 0)
            throw new WorkflowDefinitionException(errors);
        var others = (await runtime.Definitions.ListVersionsAsync(definition.DefinitionId, cancellationToken)).Where(d => d.Id != definition.Id).ToList();
        foreach (var other in others)
        {
            other.IsLatest = false;
            other.IsPublished = false;
        }

        definition.IsLatest = true;
        definition.IsPublished = true;
        await runtime.Definitions.SaveAsync([.. others, definition], cancellationToken);
        runtime.Http.Invalidate();
    }
}
