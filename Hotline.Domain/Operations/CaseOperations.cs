using System.Text.Json.Nodes;
using Hotline.Domain.Activities;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Activities.Events;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Operations;

/// <summary>
/// The centre's operations on a running case — 作废 void, 并案 merge, 改类 reclassify, 疑难复杂 mark complex, 改派
/// reassign. Each is a step of the case's workflow, run in one burst of its instance (the case, the instance and the
/// inbox saved in one transaction): void, merge, reclassify and complex resume the lifecycle's <c>case-operation</c>
/// event (<see cref="OperationEventName"/>); a reassignment completes the lead unit's handle task with
/// <see cref="HandleTaskMove.Outcome"/>, and the handle flow gives the new unit its task. This class checks the request
/// against the case first (400 or 409 before anything is written) and reads the case back afterwards.
/// </summary>
public sealed class CaseOperations(IDbContextFactory<HotlineDbContext> contexts, WorkflowRuntime runtime)
{
    /// <summary>The event the lifecycle (<c>case-lifecycle</c>) waits on for operations beside the case.</summary>
    public const string OperationEventName = "case-operation";

    // A concurrent operation may consume the event's bookmark first; the lifecycle waits again with a new one.
    private const int MaxAttempts = 8;

    /// <summary>作废: ends a test call or a hang-up; no reply, no callback, counted by no indicator.</summary>
    public Task<CaseOperationResult> VoidAsync(Guid caseId, string reason, OperationActor actor, CancellationToken cancellationToken = default) =>
        SendAsync(caseId, Request("Void", reason, actor), c => c.Status == CaseStatus.Voided, cancellationToken);

    /// <summary>并案: merges <paramref name="caseId"/> into <paramref name="intoCaseId"/>, which answers both callers.</summary>
    public async Task<CaseOperationResult> MergeAsync(Guid caseId, Guid intoCaseId, string reason, OperationActor actor, CancellationToken cancellationToken = default)
    {
        if (caseId == intoCaseId)
            return CaseOperationResult.Invalid("intoCase", "A case cannot be merged into itself.");
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var into = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == intoCaseId, cancellationToken);
            if (into is null)
                return CaseOperationResult.Invalid("intoCase", "No such case.");
            if (!into.IsOpen)
                return CaseOperationResult.Conflict($"Case {into.Number} is {into.Status}; a case can only be merged into an open case.");
        }

        var request = Request("Merge", reason, actor);
        request["intoCaseId"] = intoCaseId.ToString();
        return await SendAsync(caseId, request, c => c.Status == CaseStatus.Merged,
            cancellationToken, "The case to merge into ended meanwhile; nothing was merged.");
    }

    /// <summary>改类: changes the type and/or subject; the deadline is counted again by the category rule, and a case its unit has not signed for is routed again.</summary>
    public async Task<CaseOperationResult> ReclassifyAsync(Guid caseId, CaseType? type, string? subjectCode, string reason, OperationActor actor, CancellationToken cancellationToken = default)
    {
        if (type is null && string.IsNullOrWhiteSpace(subjectCode))
            return CaseOperationResult.Invalid("type", "Give a new type, a new subject code or both.");
        if (!string.IsNullOrWhiteSpace(subjectCode))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Subjects.AsNoTracking().AnyAsync(s => s.Code == subjectCode, cancellationToken))
                return CaseOperationResult.Invalid("subjectCode", $"No subject '{subjectCode}' exists.");
        }

        var request = Request("Reclassify", reason, actor);
        request["caseType"] = type?.ToString();
        request["subjectCode"] = string.IsNullOrWhiteSpace(subjectCode) ? null : subjectCode;
        return await SendAsync(caseId, request, _ => true, cancellationToken);
    }

    /// <summary>疑难复杂: marks the case complex; its deadline comes from the complex category (1–15 working days) and the ladder restarts with its complex branch.</summary>
    public Task<CaseOperationResult> MarkComplexAsync(Guid caseId, int? workingDays, string reason, OperationActor actor, CancellationToken cancellationToken = default)
    {
        if (workingDays is < 1 or > Case.MaxComplexWorkingDays)
            return Task.FromResult(CaseOperationResult.Invalid("workingDays", $"A complex case gets 1 to {Case.MaxComplexWorkingDays} working days."));
        var request = Request("Complex", reason, actor);
        request["workingDays"] = workingDays;
        return SendAsync(caseId, request, c => c.IsComplex, cancellationToken);
    }

    /// <summary>
    /// 改派: withdraws the lead unit's open handle task and gives the case to <paramref name="unitCode"/> (a new task; the
    /// handle flow continues with the new unit). The core of the dispatcher's reassignment and of moving a deactivated
    /// unit's work (<see cref="ReassignUnitAsync"/>).
    /// </summary>
    public async Task<CaseOperationResult> ReassignAsync(Guid caseId, string unitCode, OperationActor actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        InboxTask? task;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unitCode && u.IsActive, cancellationToken))
                return CaseOperationResult.Invalid("unitCode", $"No active unit '{unitCode}' exists.");
            var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (@case is null || !@case.IsOpen)
                return CaseOperationResult.Conflict(@case is null ? "No such case." : $"Case {@case.Number} is {@case.Status}.");
            task = await OpenHandleTaskAsync(db, @case, cancellationToken);
            if (task is null)
                return CaseOperationResult.Conflict($"Case {@case.Number} has no handling task waiting at a unit (it is {@case.Status}); nothing to reassign.");
            if (task.UnitCode == unitCode)
                return CaseOperationResult.Invalid("unitCode", $"Unit '{unitCode}' already holds the case.");
        }

        try
        {
            await runtime.CompleteTaskAsync(task.TaskId, HandleTaskMove.Completion(unitCode, reason, actor.UserName, actor.DisplayName), cancellationToken);
        }
        catch (Exception e) when (e is TaskNotFoundException or InvalidResumeInputException)
        {
            return CaseOperationResult.Conflict($"The handling task can no longer be moved: {e.Message}");
        }

        return new CaseOperationResult(CaseOperationStatus.Done, await ReadAsync(caseId, cancellationToken));
    }

    /// <summary>
    /// Moves every case whose open handle task is at <paramref name="fromUnitCode"/> to <paramref name="toUnitCode"/> (a
    /// unit being deactivated or moved), each as its own <see cref="ReassignAsync"/>; returns what happened to each case.
    /// </summary>
    public async Task<IReadOnlyList<(Guid CaseId, CaseOperationResult Result)>> ReassignUnitAsync(string fromUnitCode, string toUnitCode, OperationActor actor, string reason,
        CancellationToken cancellationToken = default)
    {
        List<Guid> caseIds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            caseIds = await db.InboxTasks.AsNoTracking()
                .Where(t => t.UnitCode == fromUnitCode && t.Kind == InboxTaskKind.Handle && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor) && t.CaseId != null)
                .Select(t => t.CaseId!.Value)
                .Distinct()
                .ToListAsync(cancellationToken);
        }

        var results = new List<(Guid, CaseOperationResult)>();
        foreach (var caseId in caseIds)
            results.Add((caseId, await ReassignAsync(caseId, toUnitCode, actor, reason, cancellationToken)));
        return results;
    }

    /// <summary>The lead unit's handle task the case's lifecycle waits on, signed for or not; null when none.</summary>
    private static Task<InboxTask?> OpenHandleTaskAsync(HotlineDbContext db, Case @case, CancellationToken cancellationToken) =>
        db.InboxTasks.AsNoTracking()
            .Where(t => t.CaseId == @case.Id && t.Kind == InboxTaskKind.Handle && t.WorkflowInstanceId == @case.WorkflowInstanceId
                && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor))
            .OrderByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private static JsonObject Request(string operation, string reason, OperationActor actor) =>
        new() { ["operation"] = operation, ["reason"] = reason, ["by"] = actor.UserName, ["byName"] = actor.DisplayName };

    /// <summary>
    /// Delivers an operation to the case's lifecycle (one burst) and reads the case back; <paramref name="applied"/>
    /// says whether the lifecycle carried it out (a merge whose target ended meanwhile is refused by the graph).
    /// </summary>
    private async Task<CaseOperationResult> SendAsync(Guid caseId, JsonObject request, Func<Case, bool> applied, CancellationToken cancellationToken, string? refused = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            string? instanceId;
            string? bookmarkId;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
                if (@case is null || !@case.IsOpen)
                    return CaseOperationResult.Conflict(@case is null ? "No such case." : $"Case {@case.Number} is {@case.Status}; it can no longer be changed.");
                instanceId = @case.WorkflowInstanceId;
                bookmarkId = await db.Bookmarks.AsNoTracking()
                    .Where(b => b.WorkflowInstanceId == instanceId && b.Name == Event.BookmarkName && b.Hash == OperationEventName)
                    .Select(b => b.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                if (bookmarkId is null)
                    return CaseOperationResult.Conflict($"Case {@case.Number}'s workflow does not take operations now (it started on a lifecycle version without them, or it is between steps).");
            }

            try
            {
                await runtime.ResumeAsync(instanceId!, bookmarkId, request.DeepClone(), cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && e is BookmarkNotFoundException)
            {
                continue;
            }
            catch (Exception e) when (e is BookmarkNotFoundException or InstanceNotRunningException or InstanceNotFoundException)
            {
                return CaseOperationResult.Conflict($"The case's workflow did not take the operation: {e.Message}");
            }

            var saved = await ReadAsync(caseId, cancellationToken);
            return applied(saved)
                ? new CaseOperationResult(CaseOperationStatus.Done, saved)
                : CaseOperationResult.Conflict(refused ?? $"Case {saved.Number} is {saved.Status}; the operation was not applied.");
        }
    }

    private async Task<Case> ReadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().FirstAsync(c => c.Id == caseId, cancellationToken);
    }
}
