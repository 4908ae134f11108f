using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Events;

/// <summary>
/// Publishes an event to the instances waiting for it, after this instance has been saved; a local event is delivered
/// to this instance's waiting <see cref="Event"/> activities within this burst, so both sides are saved together.
/// </summary>
[Activity("Elsa", "Primitives", "Publishes an event.", DisplayName = "Publish Event")]
public sealed class PublishEvent : CodeActivity
{
    /// <summary>The event's name.</summary>
    [Input(Description = "The name of the event to publish.", Required = true)]
    public Input<string>? EventName { get; set; }

    /// <summary>Correlation id to scope the event to.</summary>
    [Input(Description = "The correlation ID to scope the event to.")]
    public Input<string>? CorrelationId { get; set; }

    /// <summary>Deliver only to this instance.</summary>
    [Input(DisplayName = "Local event", Description = "Whether the event is local to the workflow. When checked, the event will be delivered to this workflow instance only.")]
    public Input<bool>? IsLocalEvent { get; set; }

    /// <summary>The payload.</summary>
    [Input(Description = "The payload to send as the event body.")]
    public Input<object>? Payload { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var name = context.Get(EventName) ?? throw new InvalidOperationException("No event name is set.");
        var correlationId = context.Get(CorrelationId);
        var payload = ValueConverter.ToJson(context.Get(Payload));
        if (context.Get(IsLocalEvent))
        {
            foreach (var bookmark in context.Workflow.Bookmarks.Where(b => b.Name == Event.BookmarkName && b.Hash == name).ToList())
                context.Workflow.ResumeInBurst(bookmark, payload?.DeepClone());
            return Outcomes.Done;
        }

        context.AfterCommit((runtime, ct) => runtime.PublishEventAsync(name, string.IsNullOrWhiteSpace(correlationId) ? null : correlationId, null, payload, ct));
        return Outcomes.Done;
    }
}
