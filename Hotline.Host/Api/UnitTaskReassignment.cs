using System.Security.Claims;
using Hotline.Domain.Audit;
using Hotline.Domain.Inbox;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Api.UnitTaskReassignmentApi;

namespace Hotline.Host.Api;

/// <summary>
/// Moving a unit's open work to another unit (改派 of each case whose handling task waits there), shared by <c>POST
/// /api/admin/units/{code}/reassign-tasks</c> and the workbench's unit screen: the checks, the moves, the audit row.
/// </summary>
internal static class UnitTaskReassignment
{
    /// <summary>What happened: no such unit, bad fields, or the result.</summary>
    public sealed record Outcome(bool NotFound, Dictionary<string, string[]>? Errors, ReassignTasksResult? Result);

    /// <summary>Moves the cases whose handling task waits at <paramref name="code"/> to the unit <paramref name="body"/> names.</summary>
    public static async Task<Outcome> ReassignAsync(string code, ReassignTasksRequest body, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts,
        CaseOperations operations, AuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == code, cancellationToken))
            return new(true, null, null);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.ToUnitCode) || body.ToUnitCode == code)
            errors["toUnitCode"] = ["Name the active unit that takes the work over (not this one)."];
        else if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == body.ToUnitCode && u.IsActive, cancellationToken))
            errors["toUnitCode"] = [$"There is no active unit '{body.ToUnitCode}'."];
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > CaseOperationsApi.MaxReasonLength)
            errors["reason"] = [$"Give a reason of 1 to {CaseOperationsApi.MaxReasonLength} characters."];
        if (errors.Count > 0)
            return new(false, errors, null);

        var before = await OpenTasksAsync(db, code, cancellationToken);
        var results = await operations.ReassignUnitAsync(code, body.ToUnitCode!, new OperationActor(Caller.Name(user), Caller.DisplayName(user)), body.Reason!.Trim(), cancellationToken);
        var ids = results.Select(r => r.CaseId).ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var result = new ReassignTasksResult(
            [.. results.Where(r => r.Result.Status == CaseOperationStatus.Done).Select(r => numbers[r.CaseId])],
            [.. results.Where(r => r.Result.Status != CaseOperationStatus.Done).Select(r => new CaseNotMoved(numbers[r.CaseId], r.Result.Message ?? r.Result.Status.ToString()))],
            await OpenTasksAsync(db, code, cancellationToken));
        await audit.RecordAndSaveAsync(Caller.Name(user), AuditActions.UnitTasksReassigned, AuditEntityTypes.HandlingUnit, code,
            new { openTasks = before }, new { toUnitCode = body.ToUnitCode, reason = body.Reason.Trim(), result.Moved, result.NotMoved, openTasks = result.OpenTasksLeft }, cancellationToken);
        return new(false, null, result);
    }

    private static Task<int> OpenTasksAsync(HotlineDbContext db, string code, CancellationToken cancellationToken) =>
        db.InboxTasks.AsNoTracking().CountAsync(t => t.UnitCode == code && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor), cancellationToken);
}
