using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Composition;

/// <summary>
/// Starting another definition as a separate instance (<see cref="ExecuteWorkflow"/>, <see cref="DispatchWorkflow"/>):
/// the parent waits on a bookmark named <see cref="BookmarkName"/> whose hash is the child's instance id; the child is
/// started once the parent's burst has been saved, with <c>ParentInstanceId</c> in its input and properties; when the
/// child finishes (or, unless the parent waits for completion, after its first burst) the runtime resumes the parent
/// with the child's result (<see cref="NotifyParentAsync"/>).
/// </summary>
public static class ChildWorkflows
{
    /// <summary>The name of the bookmark a parent waits on.</summary>
    public const string BookmarkName = "Elsa.ChildWorkflow";

    /// <summary>The property naming the instance that started this one.</summary>
    public const string ParentInstanceIdProperty = "ParentInstanceId";

    /// <summary>The property counting the instances that started this one, one from the other.</summary>
    public const string CallDepthProperty = "CallDepth";

    /// <summary>How deep instances may start one another (a definition that starts itself stops here).</summary>
    public const int MaxCallDepth = 16;

    /// <summary>The property saying the parent waits until this instance finishes.</summary>
    public const string WaitForCompletionProperty = "WaitForCompletion";

    /// <summary>
    /// Checks that the definition is published, then hands the child's start over to after the commit; creates the
    /// bookmark the parent waits on unless it completes at once (<paramref name="completesAtOnce"/>).
    /// </summary>
    public static async ValueTask StartAsync(ActivityExecutionContext context, string? definitionId, string? correlationId, object? input, bool waitForCompletion, bool completesAtOnce = false)
    {
        if (string.IsNullOrWhiteSpace(definitionId))
            throw new WorkflowFaultException($"Activity '{context.Node.DisplayName}' names no workflow definition to start.");
        if (context.Workflow.Services.Definitions is { } definitions && await definitions.FindPublishedAsync(definitionId) is null)
            throw new WorkflowFaultException($"Activity '{context.Node.DisplayName}' cannot start workflow definition '{definitionId}': no published version of it exists.");
        var depth = (context.Workflow.Properties[CallDepthProperty] is JsonValue d && d.TryGetValue<int>(out var n) ? n : 0) + 1;
        if (depth > MaxCallDepth)
            throw new WorkflowFaultException($"Activity '{context.Node.DisplayName}' would start workflow definition '{definitionId}' {depth} instances deep; at most {MaxCallDepth} instances may start one another.");
        var childId = IdGenerator.New();
        var parentId = context.WorkflowInstanceId;
        var childInput = ToDictionary(input);
        childInput[ParentInstanceIdProperty] = parentId;
        var options = new StartOptions
        {
            InstanceId = childId,
            CorrelationId = string.IsNullOrWhiteSpace(correlationId) ? null : correlationId,
            Input = childInput,
            Properties = new JsonObject { [ParentInstanceIdProperty] = parentId, [WaitForCompletionProperty] = waitForCompletion, [CallDepthProperty] = depth },
        };
        var bookmark = completesAtOnce ? null : context.CreateBookmark(BookmarkName, childId, new JsonObject { ["definitionId"] = definitionId, ["childInstanceId"] = childId });
        context.AfterCommit(async (runtime, ct) =>
        {
            try
            {
                await runtime.StartAsync(definitionId, options, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && bookmark is not null)
            {
                // The child could not start (no published version, an invalid definition): the parent's activity faults.
                await runtime.ResumeAsync(parentId, bookmark.Id, new ChildStartFailure(definitionId, e.Message), ct);
            }
        });
    }

    /// <summary>The input a parent is resumed with: throws, with the activity named, when the child could not start.</summary>
    public static ChildResult Read(ActivityExecutionContext context, object? input) => input switch
    {
        ChildResult result => result,
        ChildStartFailure failure => throw new WorkflowFaultException($"Activity '{context.Node.DisplayName}' could not start workflow definition '{failure.DefinitionId}': {failure.Message}"),
        _ => throw new InvalidOperationException($"Activity '{context.Node.DisplayName}' was resumed without a child workflow result."),
    };

    /// <summary>After a burst of an instance started by another was saved: resumes the parent waiting for it.</summary>
    public static async Task NotifyParentAsync(WorkflowRuntime runtime, WorkflowExecutionContext child, CancellationToken cancellationToken)
    {
        if (child.Properties[ParentInstanceIdProperty] is not JsonValue parent || !parent.TryGetValue<string>(out var parentId))
            return;
        var waits = child.Properties[WaitForCompletionProperty] is JsonValue w && w.TryGetValue<bool>(out var b) && b;
        if (waits && child.Status != WorkflowStatus.Finished)
            return;
        var result = new ChildResult(child.InstanceId, child.Status, child.SubStatus, new Dictionary<string, object?>(child.Output, StringComparer.OrdinalIgnoreCase));
        foreach (var bookmark in await runtime.Instances.FindBookmarksAsync(BookmarkName, child.InstanceId, instanceId: parentId, cancellationToken: cancellationToken))
        {
            try
            {
                await runtime.ResumeAsync(bookmark.WorkflowInstanceId, bookmark.BookmarkId, result, cancellationToken);
            }
            catch (Exception e) when (e is BookmarkNotFoundException or InstanceNotRunningException or InstanceNotFoundException)
            {
                // The parent moved on (cancelled, or resumed by another worker).
            }
        }
    }

    private static Dictionary<string, object?> ToDictionary(object? input)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        switch (input)
        {
            case JsonObject json:
                foreach (var (key, value) in json)
                    result[key] = value is JsonValue v ? ValueConverter.Unwrap(v) : value?.DeepClone();
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (key, value) in pairs)
                    result[key] = value;
                break;
            case null:
                break;
            default:
                throw new WorkflowFaultException($"The input to send to the workflow must be an object of named values, not {input.GetType().Name}.");
        }

        return result;
    }
}

/// <summary>What a child instance ended with (Elsa's <c>ExecuteWorkflowResult</c>).</summary>
public sealed record ChildResult(string WorkflowInstanceId, WorkflowStatus Status, WorkflowSubStatus SubStatus, IReadOnlyDictionary<string, object?> Output)
{
    /// <summary>The result as a script sees it: <c>workflowInstanceId</c>, <c>status</c>, <c>subStatus</c>, <c>output</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["workflowInstanceId"] = WorkflowInstanceId,
        ["status"] = Status.ToString(),
        ["subStatus"] = SubStatus.ToString(),
        ["output"] = OutputJson(),
    };

    /// <summary>The child's output as JSON.</summary>
    public JsonObject OutputJson() => new(Output.Select(kv => KeyValuePair.Create(kv.Key, ValueConverter.ToJson(kv.Value))));
}

/// <summary>The child could not be started.</summary>
public sealed record ChildStartFailure(string DefinitionId, string Message);
