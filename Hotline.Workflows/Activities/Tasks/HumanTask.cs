using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Tasks;

/// <summary>
/// Hands a task to a person or a handling unit through the task dispatcher and waits; resumes through the outcome the
/// handler chose (one of <see cref="PossibleOutcomes"/>), with the handler's result as output.
/// </summary>
[Activity("Hotline", "Tasks", "Hands a task to a person or handling unit and waits for the outcome they choose.", DisplayName = "Human Task")]
public class HumanTask : Activity, ITaskActivity
{
    /// <summary>Bookmark name of human tasks.</summary>
    public const string BookmarkName = "Hotline.HumanTask";

    /// <summary>The task's name, shown in the inbox.</summary>
    [Input(Description = "The name of the task, shown in the inbox.")]
    public Input<string>? TaskName { get; set; }

    /// <summary>Who should handle it: a unit code, a role or a user.</summary>
    [Input(Description = "Who handles the task: a unit code, a role or a user.")]
    public Input<string>? Assignee { get; set; }

    /// <summary>The outcomes the handler may choose; each is an outcome port.</summary>
    [Input(Description = "The outcomes the handler may choose; each becomes an outcome port.", UIHint = "dynamic-outcomes")]
    public Input<List<string>>? PossibleOutcomes { get; set; }

    /// <summary>Data the handler needs.</summary>
    [Input(Description = "Data for the handler.")]
    public Input<object>? Payload { get; set; }

    /// <summary>What the handler returned.</summary>
    [Output(Description = "The result the handler submitted.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var taskId = NewTaskId(context.WorkflowInstanceId);
        var taskName = context.Get(TaskName) ?? context.Node.DisplayName;
        var outcomes = context.Get(PossibleOutcomes) is { Count: > 0 } list ? list : ["Done"];
        var assignee = context.Get(Assignee);
        var payload = ValueConverter.ToJson(context.Get(Payload));
        var bookmark = context.CreateBookmark(BookmarkName, hash: taskId, payload: new JsonObject
        {
            ["taskId"] = taskId,
            ["taskName"] = taskName,
            ["assignee"] = assignee,
            ["possibleOutcomes"] = OutcomesJson(outcomes),
            ["payload"] = payload?.DeepClone(),
        });
        var request = new TaskRequest(taskId, taskName, context.WorkflowInstanceId, context.Node.NodeId, bookmark.Id, outcomes, payload, assignee, context.Workflow.CorrelationId);
        context.JournalData["taskId"] = taskId;
        context.CreateTask(request);
        return ValueTask.CompletedTask;
    }

    private static JsonArray OutcomesJson(List<string> outcomes)
    {
        var array = new JsonArray();
        foreach (var outcome in outcomes)
            array.Add(outcome);
        return array;
    }

    /// <summary>A task id: the instance id, a colon, a random part.</summary>
    public static string NewTaskId(string instanceId) => instanceId + ":" + IdGenerator.New();

    /// <summary>The instance id a task id starts with, or null for ids of another shape.</summary>
    public static string? InstanceIdOf(string taskId)
    {
        var colon = taskId.LastIndexOf(':');
        return colon > 0 ? taskId[..colon] : null;
    }

    /// <inheritdoc />
    public override string? ValidateResumeInput(Bookmark bookmark, object? input)
    {
        var outcome = (input as TaskCompletion)?.Outcome ?? "Done";
        if (bookmark.Payload?["possibleOutcomes"] is not JsonArray { Count: > 0 } allowed)
            return null;
        foreach (var item in allowed)
            if (item?.GetValue<string>() == outcome)
                return null;
        return $"'{outcome}' is not an outcome of task '{bookmark.Payload?["taskName"]}' (allowed: {string.Join(", ", allowed.Select(x => x?.GetValue<string>()))}).";
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        var completion = input as TaskCompletion ?? new TaskCompletion("Done");
        context.CompleteTask(bookmark, completion);
        context.Set(Result, completion.Result);
        context.JournalData["outcome"] = completion.Outcome;
        context.Complete(completion.Outcome);
        return ValueTask.CompletedTask;
    }
}
