using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 改派 as the handle task sees it: the task is completed with the outcome <see cref="Outcome"/> and the unit that takes
/// over, and the handle flow (<c>handle</c>) gives that unit a new task. The dispatcher's reassignment and the
/// re-routing of a reclassified case complete the task with the same completion.
/// </summary>
public static class HandleTaskMove
{
    /// <summary>The handle task's outcome for a move to another unit.</summary>
    public const string Outcome = "Reassigned";

    /// <summary>The completion that moves a handle task to <paramref name="unitCode"/>.</summary>
    public static TaskCompletion Completion(string unitCode, string? reason, string? by, string? byName) =>
        new(Outcome, new JsonObject { ["unitCode"] = unitCode, ["reason"] = reason, ["by"] = by, ["byName"] = byName }, by);
}
