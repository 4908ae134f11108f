using System.Text.Json.Nodes;

namespace Hotline.Workflows.Activities.Containers;

/// <summary>
/// What a container or loop remembers between its children's completions, saved with a suspended instance: the next
/// child or item, the current step of a For, the children still running, and whether a Break reached it.
/// </summary>
public sealed class ContainerState
{
    /// <summary>The index of the next child (Sequence) or item (ForEach).</summary>
    public int Index { get; set; }

    /// <summary>The current step of a For loop; null before the first.</summary>
    public int? Step { get; set; }

    /// <summary>How many scheduled children have not completed yet (Parallel, Switch, ParallelForEach).</summary>
    public int Pending { get; set; }

    /// <summary>Whether a Break inside reached this activity (Elsa's <c>IsBreaking</c> property).</summary>
    public bool Breaking { get; set; }

    internal JsonObject ToJson() => new() { ["index"] = Index, ["step"] = Step, ["pending"] = Pending, ["breaking"] = Breaking };

    internal static ContainerState FromJson(JsonNode? json) => new()
    {
        Index = json?["index"]?.GetValue<int>() ?? 0,
        Step = json?["step"]?.GetValue<int?>(),
        Pending = json?["pending"]?.GetValue<int>() ?? 0,
        Breaking = json?["breaking"]?.GetValue<bool>() ?? false,
    };
}

/// <summary>An activity that schedules children and keeps a <see cref="ContainerState"/> across suspension.</summary>
public abstract class ContainerActivity : Activity, IContainerActivity
{
    /// <inheritdoc />
    public override JsonNode? SaveState(object? state) => (state as ContainerState)?.ToJson();

    /// <inheritdoc />
    public override object? LoadState(JsonNode? json) => ContainerState.FromJson(json);

    /// <summary>The context's state, created on first use.</summary>
    protected static ContainerState StateOf(Runtime.ActivityExecutionContext context) =>
        context.State as ContainerState ?? (ContainerState)(context.State = new ContainerState());

    /// <summary>Compiles the container's <c>activities</c> as its children and declares its <c>variables</c>.</summary>
    protected static void CompileActivities(Runtime.WorkflowCompiler compiler, Runtime.ActivityNode node)
    {
        ContainerVariables.Declare(node);
        var activities = node.Json["activities"] as JsonArray ?? [];
        for (var i = 0; i < activities.Count; i++)
            compiler.CompileEmbedded(node, activities[i], $"activity '{node.Id}'.activities[{i}]");
    }

    /// <summary>Completes once the last of the pending children has completed.</summary>
    protected static void CompleteWhenNonePending(Runtime.ActivityExecutionContext context)
    {
        var state = StateOf(context);
        if (--state.Pending <= 0)
            context.Complete();
    }
}
