using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The 13710 supervision item after the unit's progress report: the ladder's graph (<c>escalation-13710</c>) waits on a
/// <c>supervise</c> inbox task; 销号 and 保留督办 complete it through <see cref="InboxService"/> with the checks of 督办意见
/// (<see cref="CaseInstructionsApi.Roles"/>, <see cref="CaseVisibility"/>: a sub-centre's supervisor sees its district's
/// cases only). The graph records the decision on the case (<see cref="CaseEventKind.SupervisionClosed"/>, or a
/// 督办意见 for 保留督办) and stops the ladder or keeps it going.
/// </summary>
internal static class SupervisionItems
{
    /// <summary>The checks and the decision.</summary>
    public static async Task<DecisionOutcome> DecideAsync(
        string caseNumber, SupervisionVerdict verdict, string? text, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        if (!CaseInstructionsApi.Roles.Any(user.IsInRole))
            return DecisionOutcome.NotFound;
        string? taskId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var @case = await CaseVisibility.FindAsync(db, user, caseNumber, ct);
            if (@case is null)
                return DecisionOutcome.NotFound;
            taskId = await PendingDecisions(db).Where(t => t.CaseId == @case.Id).OrderByDescending(t => t.CreatedAt).Select(t => t.TaskId).FirstOrDefaultAsync(ct);
        }

        if (taskId is null)
            return DecisionOutcome.NoOpenItem;
        var note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if ((verdict == SupervisionVerdict.Keep && note is null) || note?.Length > SupervisionDecisions.MaxTextLength)
            return DecisionOutcome.Invalid;
        var outcome = verdict == SupervisionVerdict.Close ? SupervisionDecisions.Close : SupervisionDecisions.Keep;
        var result = note is null ? [] : new JsonObject { ["text"] = note };
        try
        {
            await inbox.CompleteAsync(taskId, new InboxActor(Caller.Name(user), Caller.DisplayName(user), null), outcome, result, ct);
        }
        catch (Exception e) when (e is InboxStateException or InboxTaskNotFoundException)
        {
            return DecisionOutcome.NoOpenItem;
        }
        catch (InboxValidationException)
        {
            return DecisionOutcome.Invalid;
        }

        return verdict == SupervisionVerdict.Close ? DecisionOutcome.Closed : DecisionOutcome.Kept;
    }

    /// <summary>The supervise tasks still waiting for 销号 or 保留督办.</summary>
    public static IQueryable<InboxTask> PendingDecisions(HotlineDbContext db) =>
        db.InboxTasks.AsNoTracking().Where(t => t.Kind == InboxTaskKind.Supervise && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor));

    /// <summary>The latest progress report (进展反馈) of each of <paramref name="caseIds"/> that has one: its text, unit code and time.</summary>
    public static async Task<Dictionary<Guid, (string Text, string? UnitCode, DateTimeOffset At)>> LatestReportsAsync(
        HotlineDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.Kind == CaseEventKind.ProgressReported)
            .Select(e => new { e.CaseId, e.Sequence, e.At, e.Data }).ToListAsync(ct);
        return events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g =>
        {
            var last = g.MaxBy(e => e.Sequence)!;
            var data = CaseEventData.Read<TaskOutcomeData>(last.Data)!;
            return (data.ResultText("text") ?? "", (string?)data.UnitCode, last.At);
        });
    }
}
