using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Activities;
using Hotline.Domain.Audit;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The callback desk through the inbox API's own code: the desk's list (<see cref="InboxApi.Filter"/> on
/// <see cref="InboxApi.CallbackDeskCode"/>), the record action (<see cref="InboxActions.Callback"/> with its checks), the
/// number as <see cref="Hotline.Domain.Privacy.PhoneVisibilityPolicy"/> shows it (a full number shown is audited, as on
/// the case page). What the citizen was told is the case's last reply (<see cref="CaseEventKind.Replied"/>); the call
/// count is the task's <c>attempt</c> (the callback workflow's payload); the next call after an unreachable one is the
/// workflow's own timer (<see cref="WaitForDeadline"/>, two working hours in <c>callback.json</c>).
/// </summary>
internal sealed class WorkbenchCallbacks(IDbContextFactory<HotlineDbContext> contexts, InboxService inbox, AuditLog audit) : IWorkbenchCallbacks
{
    /// <summary>How many cases waiting for their next call are shown.</summary>
    private const int WaitingShown = 50;

    public async Task<CallbackDesk> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.CallbackAgent))
            return new([], 0, []);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = InboxApi.Filter(db, user, InboxApi.CallbackDeskCode, "pending", InboxTaskKind.Callback, "dueAt");
        var total = await query.CountAsync(cancellationToken);
        var tasks = await query.PageAsync(page, pageSize, cancellationToken);
        var caseIds = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        var cases = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, cases.Values.Select(c => c.SubjectCode), cases.Values.Select(c => c.LeadUnitCode), [], cancellationToken);
        var replies = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Kind == CaseEventKind.Replied).ToListAsync(cancellationToken))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => CaseEventData.Read<RepliedData>(g.MaxBy(e => e.Sequence)!.Data)?.Text);
        foreach (var c in cases.Values)
            await CasesApi.AuditPhoneShownAsync(user, c, audit, cancellationToken);
        var rows = tasks.Select(t =>
        {
            var c = t.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            return new CallbackRow(
                t.TaskId, c?.Number, c?.CitizenName, c is null ? null : Hotline.Domain.Privacy.PhoneVisibilityPolicy.Show(c.CitizenPhone, user),
                names.Subject(c?.SubjectCode), names.Unit(c?.LeadUnitCode), c is null ? null : replies.GetValueOrDefault(c.Id),
                Attempt(t.Payload), t.DueAt, IsSecond(t.Payload));
        }).ToList();
        return new(rows, total, await WaitingAsync(db, user, cancellationToken));
    }

    public async Task<CallbackAnswer> RecordAsync(ClaimsPrincipal user, string taskId, CallbackCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await InboxActions.CompleteAsync(
            taskId, user, inbox, contexts, InboxTaskKind.Callback, InboxActions.Callback, new InboxApi.CallbackRequest(command.Result, command.Resolved, command.Note), cancellationToken);
        if (InboxOutcomeWords.Of(outcome, "callbackNotFound", "callbackNotYours") is { } refused)
            return new(refused);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await db.InboxTasks.AsNoTracking().Where(t => t.TaskId == taskId)
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (_, c) => c).FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
            return new(null);
        var next = (await NextCallsAsync(db, [@case], cancellationToken)).GetValueOrDefault(@case.Id);
        return new(null, @case.Status, next.NextCallAt);
    }

    /// <summary>The visible cases waiting for the callback workflow to call again (no callback task open, an unreachable call since the last reply).</summary>
    private static async Task<IReadOnlyList<CallbackRetry>> WaitingAsync(HotlineDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var cases = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking())
            .Where(c => c.Status == CaseStatus.AwaitingCallback && !db.InboxTasks.Any(t =>
                t.CaseId == c.Id && t.Kind == InboxTaskKind.Callback && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor)))
            .OrderBy(c => c.Number).Take(WaitingShown).ToListAsync(ct);
        var next = await NextCallsAsync(db, cases, ct);
        return cases.Where(c => next.GetValueOrDefault(c.Id).Attempts > 0)
            .Select(c => new CallbackRetry(c.Number, c.CitizenName, next[c.Id].Attempts, next[c.Id].NextCallAt))
            .OrderBy(r => r.NextCallAt).ToList();
    }

    /// <summary>
    /// Per case: the unreachable calls since the last reply, and the resume time of the workflow's wait timer set with the
    /// last of them (the callback workflow waits, then calls again); none when the last call reached the citizen.
    /// </summary>
    private static async Task<Dictionary<Guid, (int Attempts, DateTimeOffset? NextCallAt)>> NextCallsAsync(HotlineDbContext db, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var instances = cases.Where(c => c.WorkflowInstanceId is not null).Select(c => c.WorkflowInstanceId!).ToList();
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CaseId) && (e.Kind == CaseEventKind.Replied || e.Kind == CaseEventKind.CallbackUnreachable || e.Kind == CaseEventKind.CallbackRecorded))
            .ToListAsync(ct);
        var timers = await db.Bookmarks.AsNoTracking().Where(b => instances.Contains(b.WorkflowInstanceId) && b.Name == WaitForDeadline.TypeName && b.ResumeAt != null)
            .ToListAsync(ct);
        var answer = new Dictionary<Guid, (int, DateTimeOffset?)>();
        foreach (var c in cases)
        {
            var since = events.Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).Reverse().TakeWhile(e => e.Kind == CaseEventKind.CallbackUnreachable).ToList();
            if (since.Count == 0)
                continue;
            var last = since[0].At;
            var resumeAt = timers.Where(b => b.WorkflowInstanceId == c.WorkflowInstanceId && b.CreatedAt >= last).Min(b => b.ResumeAt);
            answer[c.Id] = (since.Count, resumeAt);
        }

        return answer;
    }

    /// <summary>Whether the task is a second callback (三查 查回访: <c>second</c> in the callback workflow's payload).</summary>
    private static bool IsSecond(string? payload) =>
        payload is not null && JsonNode.Parse(payload) is JsonObject o && o["second"] is JsonValue v && v.TryGetValue<bool>(out var second) && second;

    /// <summary>Which call the task is: the callback workflow's <c>attempt</c> (1 when missing).</summary>
    private static int Attempt(string? payload) =>
        payload is not null && JsonNode.Parse(payload) is JsonObject o && o["attempt"] is JsonValue v && v.TryGetValue<double>(out var n) ? (int)n : 1;
}
