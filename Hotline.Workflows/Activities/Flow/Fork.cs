using System.ComponentModel;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>Runs branches in parallel (Elsa.Fork, a container whose branches are activities), waiting for all or any.</summary>
[Activity("Elsa", "Control Flow", "Branch execution into multiple branches.")]
[Browsable(false)]
public sealed class Fork : Activity, ICompilableActivity, IContainerActivity, Looping.IBreakable
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
        context.State = new ForkState();
        if (Node.Children.Count == 0)
            context.Complete();
        foreach (var branch in Node.Children)
            context.ScheduleChild(branch);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        var state = StateOf(context);
        state.Completed.Add(child.Node.Id);
        var waitAny = string.Equals(context.Get(JoinMode), "WaitAny", StringComparison.OrdinalIgnoreCase);
        if (state.Breaking || waitAny || Node.Children.TrueForAll(c => state.Completed.Contains(c.Id)))
        {
            foreach (var running in context.Children.ToList())
                context.CancelChild(running);
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A break inside a branch ends the fork once that branch completes, and travels on to the nearest loop (Elsa's Fork).</summary>
    public bool OnBreak(ActivityExecutionContext context)
    {
        StateOf(context).Breaking = true;
        return false;
    }

    /// <inheritdoc />
    public override JsonNode? SaveState(object? state) =>
        state is ForkState fork ? new JsonObject { ["completed"] = new JsonArray(fork.Completed.Select(x => (JsonNode?)x).ToArray()), ["breaking"] = fork.Breaking } : null;

    /// <inheritdoc />
    public override object? LoadState(JsonNode? json)
    {
        // Instances saved before breaks were remembered hold the completed branches alone.
        var completed = json as JsonArray ?? json?["completed"] as JsonArray ?? [];
        return new ForkState { Completed = completed.Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal), Breaking = (json as JsonObject)?["breaking"]?.GetValue<bool>() ?? false };
    }

    private static ForkState StateOf(ActivityExecutionContext context) => context.State as ForkState ?? (ForkState)(context.State = new ForkState());

    private sealed class ForkState
    {
        public HashSet<string> Completed { get; init; } = new(StringComparer.Ordinal);
        public bool Breaking { get; set; }
    }
}
