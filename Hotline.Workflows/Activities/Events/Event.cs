using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Events;

/// <summary>Waits until an event with the given name is published (to this instance's correlation id, if it has one).</summary>
[Activity("Elsa", "Primitives", "Wait for an event to be published.")]
public sealed class Event : Activity, ITriggerActivity
{
    /// <summary>Bookmark name.</summary>
    public const string BookmarkName = "Elsa.Event";

    /// <summary>The event's name.</summary>
    [Input(Description = "The name of the event to listen for.", Required = true)]
    public Input<string>? EventName { get; set; }

    /// <summary>The published payload.</summary>
    [Output(Description = "The event's payload.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.Get(EventName) ?? throw new InvalidOperationException("No event name is set.");
        context.CreateBookmark(BookmarkName, hash: name, payload: new JsonObject { ["eventName"] = name });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        context.Set(Result, input);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
