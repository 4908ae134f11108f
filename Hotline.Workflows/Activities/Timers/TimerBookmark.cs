using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Timers;

/// <summary>Bookmark names of the timer activities: a resume at a time.</summary>
public static class TimerBookmark
{
    /// <summary>Waits until <paramref name="resumeAt"/>: a bookmark the host's scheduler resumes when due.</summary>
    public static void WaitUntil(ActivityExecutionContext context, DateTimeOffset resumeAt)
    {
        context.JournalData["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture);
        context.CreateBookmark(context.Node.Type, payload: new JsonObject { ["resumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) }, resumeAt: resumeAt);
    }
}
