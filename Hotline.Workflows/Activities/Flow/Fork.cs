using System.ComponentModel;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Runs branches in parallel (Elsa.Fork, a container whose branches are activities), waiting for all or any.</summary>
[Activity("Elsa", "Control Flow", "Branch execution into multiple branches.")]
[Browsable(false)]
public sealed class Fork : Activity, ICompilableActivity, IContainerActivity
{
    /// <summary>Whether to wait for every branch or the first.</summary>
    [Input(Description = "Controls when this activity yields control back to its parent activity.", UIHint = "dropdown", Options = ["WaitAll", "WaitAny"])]
    public Input<string>? JoinMode { get; set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        var branches = node.Json["branches"] as JsonArray ?? [];
        for (var i = 0; i < branches.Count; i++)
            if (branches[i] is JsonObject json && compiler.CompileChild(json, node, $"activity '{node.Id}'.branches[{i}]") is { } child)
                node.Children.Add(child);
    }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.State = new HashSet<string>(StringComparer.Ordinal);
        if (Node.Children.Count == 0)
            context.Complete();
        foreach (var branch in Node.Children)
            context.ScheduleChild(branch);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        var completed = context.State as HashSet<string> ?? [];
        context.State = completed;
        completed.Add(child.Node.Id);
        var waitAny = string.Equals(context.Get(JoinMode), "WaitAny", StringComparison.OrdinalIgnoreCase);
        if (waitAny || Node.Children.TrueForAll(c => completed.Contains(c.Id)))
        {
            foreach (var running in context.Children.ToList())
                context.CancelChild(running);
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override JsonNode? SaveState(object? state) =>
        state is HashSet<string> set ? new JsonArray(set.Select(x => (JsonNode?)x).ToArray()) : null;

    /// <inheritdoc />
    public override object? LoadState(JsonNode? json) =>
        (json as JsonArray ?? []).Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
