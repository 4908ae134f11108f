using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Runtime;

/// <summary>Options for starting an instance.</summary>
public sealed class StartOptions
{
    /// <summary>Workflow input by name.</summary>
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>Correlation id (a case number, an external request id).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Instance id to use; a new one by default.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The instance's properties (a child started by <c>Elsa.ExecuteWorkflow</c> gets <c>ParentInstanceId</c>).</summary>
    public System.Text.Json.Nodes.JsonObject? Properties { get; init; }
}

/// <summary>Runs blueprints in memory: start an instance, resume a bookmark. Persistence is the runtime's job.</summary>
public static class WorkflowExecutor
{
    /// <summary>Starts a new instance and runs it until it finishes or waits.</summary>
    public static async ValueTask<WorkflowExecutionContext> StartAsync(WorkflowBlueprint blueprint, StartOptions options, EngineServices services, CancellationToken cancellationToken = default)
    {
        var context = new WorkflowExecutionContext(blueprint, options.InstanceId ?? IdGenerator.New(), services)
        {
            CorrelationId = options.CorrelationId,
            Properties = options.Properties?.DeepClone().AsObject() ?? [],
            CreatedAt = services.Clock.GetUtcNow(),
        };
        var input = new JsonObject();
        if (options.Input is not null)
            foreach (var (key, value) in options.Input)
                input[key] = ValueConverter.ToJson(value);
        context.Input = input;
        var root = context.Schedule(blueprint.Root, null, null);
        root.Scope = new WorkflowScope(blueprint.Root.Scope!, options.Input);
        context.Root = root;
        await context.RunAsync(cancellationToken);
        return context;
    }

    /// <summary>Resumes one bookmark of a restored instance and runs until it finishes or waits again.</summary>
    public static async ValueTask ResumeAsync(WorkflowExecutionContext context, string bookmarkId, object? input, CancellationToken cancellationToken = default)
    {
        var bookmark = context.FindBookmark(bookmarkId) ?? throw new BookmarkNotFoundException(context.InstanceId, bookmarkId);
        if (!context.Contexts.TryGetValue(bookmark.ActivityInstanceId, out var activityContext))
            throw new InvalidOperationException($"Bookmark {bookmarkId} of instance {context.InstanceId} points at activity execution {bookmark.ActivityInstanceId}, which no longer exists.");
        if (activityContext.Activity.ValidateResumeInput(bookmark, input) is { } problem)
            throw new InvalidResumeInputException(context.InstanceId, bookmarkId, problem);
        context.RemoveBookmark(bookmark);
        context.ScheduleResume(activityContext, bookmark, input);
        await context.RunAsync(cancellationToken);
    }

    /// <summary>Cancels an instance.</summary>
    public static void Cancel(WorkflowExecutionContext context) => context.CancelWorkflow();
}

/// <summary>The bookmark does not exist (any more): it was consumed by another resume, or never existed.</summary>
public sealed class BookmarkNotFoundException(string instanceId, string bookmarkId)
    : Exception($"Instance {instanceId} has no bookmark {bookmarkId}; it may already have been resumed.")
{
    public string InstanceId { get; } = instanceId;
    public string BookmarkId { get; } = bookmarkId;
}

/// <summary>The input offered to a bookmark was refused (e.g. an outcome the task does not offer); nothing changed.</summary>
public sealed class InvalidResumeInputException(string instanceId, string bookmarkId, string message) : Exception(message)
{
    public string InstanceId { get; } = instanceId;
    public string BookmarkId { get; } = bookmarkId;
}
