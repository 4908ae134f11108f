using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Routing;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Activities;

/// <summary>
/// After a reclassification: when the lead unit has not signed for its handle task yet, asks the routing rules who
/// handles the case's subject in its district now and, if that is another unit, moves the task there in this burst
/// (the handle task completes with <see cref="HandleTaskMove.Outcome"/>; outcome <c>Rerouted</c>). A signed task, a
/// case with no handle task waiting, or a rule that keeps the unit leaves the case where it is (outcome <c>Kept</c>).
/// </summary>
[Activity("Hotline", "Cases", "Re-routes a reclassified case by the routing rules if its unit has not signed for it yet.",
    DisplayName = "Reroute If Unsigned", Outcomes = ["Rerouted", "Kept"])]
public sealed class RerouteIfUnsigned : OperationActivity
{
    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var db = context.Db();
        var task = await db.InboxTasks.AsNoTracking()
            .Where(t => t.CaseId == @case.Id && t.Kind == InboxTaskKind.Handle && t.Status == InboxTaskStatus.Open && t.WorkflowInstanceId == context.WorkflowInstanceId)
            .FirstOrDefaultAsync();
        var bookmark = task is null ? null : context.Workflow.Bookmarks.Find(b => b.Name == HumanTask.BookmarkName && b.Hash == task.TaskId);
        var route = bookmark is null ? null : await context.GetRequiredService<RoutingService>().RouteAsync(@case.SubjectCode, @case.DistrictCode);
        if (bookmark is null || route is null || route.IsDefaultDispatch || route.LeadUnitCode == task!.UnitCode)
        {
            context.Complete("Kept");
            return;
        }

        context.JournalData["unitCode"] = route.LeadUnitCode;
        context.Workflow.ResumeInBurst(bookmark, HandleTaskMove.Completion(route.LeadUnitCode, context.Get(Reason), context.Get(By), context.Get(ByName)));
        context.Complete("Rerouted");
    }
}
