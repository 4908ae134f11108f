using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities;

/// <summary>
/// An activity type. One instance is created per activity node when a definition is compiled, with its inputs bound
/// from the definition's JSON; the instance is immutable afterwards and shared by every execution, so all execution
/// state lives in the <see cref="ActivityExecutionContext"/>.
/// </summary>
public abstract class Activity
{
    /// <summary>The node this instance was compiled from.</summary>
    public ActivityNode Node { get; internal set; } = null!;

    /// <summary>Runs the activity. Complete it through the context, or create a bookmark and return to suspend.</summary>
    public abstract ValueTask ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Continues a suspended activity when one of its bookmarks is resumed. By default completes with <c>Done</c>.</summary>
    public virtual ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Checks the input a bookmark is about to be resumed with; a message rejects the resume before anything changes
    /// (the instance keeps waiting). By default everything is accepted.
    /// </summary>
    public virtual string? ValidateResumeInput(Bookmark bookmark, object? input) => null;

    /// <summary>Called on a composite activity when one of its children completes.</summary>
    public virtual ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes) =>
        ValueTask.CompletedTask;

    /// <summary>Called on a composite activity when one of its children was cancelled.</summary>
    public virtual void OnChildCancelled(ActivityExecutionContext context, ActivityExecutionContext child)
    {
    }

    /// <summary>Serializes the activity's <see cref="ActivityExecutionContext.State"/> for a suspended instance.</summary>
    public virtual JsonNode? SaveState(object? state) => null;

    /// <summary>Restores what <see cref="SaveState"/> wrote.</summary>
    public virtual object? LoadState(JsonNode? json) => null;

    /// <summary>Validates the activity's configuration when its definition is published.</summary>
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>
    /// The expressions the activity evaluates, which publishing checks (syntax, the variables and inputs they name, the
    /// conversion of literals): by default its bound inputs. Override to add expressions read from the JSON.
    /// </summary>
    public virtual IEnumerable<ExpressionSite> EvaluatedExpressions() =>
        Node.Inputs.Values.Select(input => new ExpressionSite(input.Name, input.Expression, input.ValueType));
}

/// <summary>An activity that completes as soon as it has run, with the outcome its body returns.</summary>
public abstract class CodeActivity : Activity
{
    /// <inheritdoc />
    public sealed override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.Complete(Execute(context));
        return ValueTask.CompletedTask;
    }

    /// <summary>The activity's work; returns the outcomes to complete with.</summary>
    protected virtual Outcomes Execute(ActivityExecutionContext context) => Outcomes.Done;
}

/// <summary>Marks an activity whose completion ends its flowchart at once (Elsa's <c>ITerminalNode</c>).</summary>
public interface ITerminalActivity;

/// <summary>Marks an activity that can wait for an external stimulus and therefore start a workflow (a trigger).</summary>
public interface ITriggerActivity;
