using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Bookmark names of the timer activities: a resume at a time.</summary>
public static class TimerBookmark
{
    /// <summary>
    /// Waits until <paramref name="resumeAt"/>: a bookmark the host's scheduler resumes when due. Its payload holds the
    /// moment and <paramref name="details"/> (what the wait counts, for screens that show what a workflow waits for).
    /// </summary>
    public static void WaitUntil(ActivityExecutionContext context, DateTimeOffset resumeAt, JsonObject? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.JournalData["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        var payload = details ?? [];
        payload["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        context.CreateBookmark(context.Node.Type, payload: payload, resumeAt: resumeAt);
    }

    /// <summary>
    /// The id of the workflow definition the running activity belongs to: the nearest enclosing workflow used as an
    /// activity (e.g. <c>escalation-13710</c> inside the case lifecycle), or null at the top level.
    /// </summary>
    public static string? EnclosingDefinitionId(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var node = context.Node.Parent; node is not null; node = node.Parent)
        {
            if (node.Activity is Composition.WorkflowDefinitionActivity { Definition: { } definition })
                return definition.DefinitionId;
        }

        return null;
    }
}
