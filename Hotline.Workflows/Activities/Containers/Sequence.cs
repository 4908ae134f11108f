using System.ComponentModel;
using Hotline.Workflows.Activities.Looping;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Containers;

/// <summary>Runs its activities one after another (Elsa.Sequence); a terminal activity or a Break ends it early.</summary>
[Activity("Elsa", "Workflows", "Execute a set of activities in sequence.")]
[Browsable(false)]
public sealed class Sequence : ContainerActivity, ICompilableActivity, IBreakable
{
    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node) => CompileActivities(compiler, node);

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ContainerVariables.Open(context);
        context.State = new ContainerState();
        Next(context, null);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        if (StateOf(context).Breaking || child.Node.Descriptor.IsTerminal)
            context.Complete();
        else
            Next(context, child.Id);
        return ValueTask.CompletedTask;
    }

    /// <summary>Remembers the break and lets it travel on to the nearest loop (Elsa's Sequence does not stop it).</summary>
    public bool OnBreak(ActivityExecutionContext context)
    {
        StateOf(context).Breaking = true;
        return false;
    }

    private void Next(ActivityExecutionContext context, string? schedulingId)
    {
        var state = StateOf(context);
        if (state.Index >= Node.Children.Count)
            context.Complete();
        else
            context.ScheduleChild(Node.Children[state.Index++], schedulingId);
    }
}
