using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Escalation;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Quality;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Api.InboxApi;

namespace Hotline.Host.Api;

/// <summary>
/// An action on an inbox task with the API's checks, for <c>/api/inbox</c> and the workbench alike: the task as the
/// caller may see it (another unit's is not found), the role its kind needs, the kind the action is for, then
/// <see cref="InboxService"/>. The answer says what HTTP would: 200, 404, 403, 409 with the reason, 400 naming the field.
/// </summary>
internal static class InboxActions
{
    /// <summary>What an action came to: <see cref="StatusCodes"/> 200 when done, else the refusal's status and words.</summary>
    public sealed record Outcome(int Status, string? Field = null, string? Detail = null)
    {
        /// <summary>The action was done.</summary>
        public static Outcome Done { get; } = new(StatusCodes.Status200OK);
    }

    public static (string Outcome, JsonObject Result) Answer(AnswerRequest b) => ("Completed", new JsonObject { ["answer"] = b.Answer });

    public static (string Outcome, JsonObject Result) Return(ReturnRequest b) => ("Returned", new JsonObject { ["reason"] = b.Reason });

    public static (string Outcome, JsonObject Result) Extension(ExtensionRequest b) => ("ExtensionRequested", new JsonObject { ["days"] = b.Days, ["reason"] = b.Reason });

    public static (string Outcome, JsonObject Result) SubDispatch(UnitRequest b) => ("SubDispatched", new JsonObject { ["unitCode"] = b.UnitCode, ["note"] = b.Note });

    public static (string Outcome, JsonObject Result) Opinion(OpinionRequest b) => (InboxRules.AssistSubmitted, new JsonObject { ["opinion"] = b.Opinion });

    public static (string Outcome, JsonObject Result) Callback(CallbackRequest b) => (b.Result ?? "", new JsonObject { ["resolved"] = b.Resolved, ["note"] = b.Note });
    /// <summary>查工单: Passed when every item of the checklist holds, else Failed with the failed items as the reason.</summary>
    public static (string Outcome, JsonObject Result) Quality(QualityChecklist checklist) =>
        (checklist.Passes ? QualityChecklist.Passed : QualityChecklist.Failed, checklist.ToResult());
    /// <summary>13710 进展反馈: the lead unit's progress report on a supervised case.</summary>
    public static (string Outcome, JsonObject Result) Report(string? text) => (SupervisionDecisions.Reported, new JsonObject { ["text"] = text });

    /// <summary>The desk's dispatch (人工派单): the lead unit and a note, like a sub-dispatch's.</summary>
    public static (string Outcome, JsonObject Result) Dispatch(UnitRequest b) => ("Dispatched", SubDispatch(b).Result);

    /// <summary>The centre's decision on a return, an extension or an answer (审核).</summary>
    public static (string Outcome, JsonObject Result) Review(ReviewRequest body)
    {
        var outcome = body.Decision?.ToLowerInvariant() switch
        {
            "approve" => "Approved",
            "reject" => "Rejected",
            _ => throw new InboxValidationException("decision", "'decision' is 'approve' or 'reject'."),
        };
        var result = new JsonObject { ["reason"] = body.Reason, ["unitCode"] = body.UnitCode, ["text"] = body.Text };
        if (body.Days is not null)
            result["days"] = body.Days;
        return (outcome, result);
    }

    /// <summary>Signs for the task (签收).</summary>
    public static Task<Outcome> ClaimAsync(string taskId, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
        PerformAsync(taskId, user, contexts, null, async (task, actor) => await inbox.SignAsync(task.TaskId, actor, ct), ct);

    /// <summary>Completes the task with the outcome and details <paramref name="map"/> makes of <paramref name="body"/>; <paramref name="kind"/> null: a review.</summary>
    public static Task<Outcome> CompleteAsync<TBody>(
        string taskId, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, InboxTaskKind? kind,
        Func<TBody, (string Outcome, JsonObject Result)> map, TBody body, CancellationToken ct) =>
        PerformAsync(taskId, user, contexts, kind, async (task, actor) =>
        {
            if (kind is null && task.Kind is not (InboxTaskKind.ReviewReturn or InboxTaskKind.ReviewExtension or InboxTaskKind.ReviewAnswer))
                throw new InboxStateException($"Task {taskId} is a {task.Kind} task, not a review.");
            var (outcome, result) = map(body);
            if (task.Kind == InboxTaskKind.Callback && !task.PossibleOutcomes.Contains(outcome))
                throw new InboxValidationException("result", $"'result' is one of {string.Join(", ", task.PossibleOutcomes)}.");
            foreach (var key in result.Where(p => p.Value is null).Select(p => p.Key).ToList())
                result.Remove(key);
            await inbox.CompleteAsync(task.TaskId, actor, outcome, result, ct);
        }, ct);

    /// <summary>The role that acts on a kind of task.</summary>
    public static string RoleFor(InboxTaskKind kind) => kind switch
    {
        InboxTaskKind.Handle or InboxTaskKind.Assist or InboxTaskKind.ProgressReport => HotlineRoles.Unit,
        InboxTaskKind.Callback => HotlineRoles.CallbackAgent,
        // 查工单 is the centre's quality checkers' work: the supervisors (督办员) check closed cases.
        InboxTaskKind.QualityCheck => HotlineRoles.Supervisor,
        _ => HotlineRoles.Dispatcher,
    };

    /// <summary>A unit's user sees its unit's tasks; the centre's staff every task, or a sub-centre's those of its district's cases.</summary>
    public static async Task<bool> MaySeeAsync(HotlineDbContext db, ClaimsPrincipal user, InboxTask task, CancellationToken ct)
    {
        if (Caller.IsUnitUser(user))
            return task.UnitCode == Caller.UnitCode(user);
        if (!Caller.IsCentre(user))
            return false;
        return Caller.DistrictCode(user) is not { } district
            || (task.CaseId is { } caseId && await db.Cases.AsNoTracking().AnyAsync(c => c.Id == caseId && c.DistrictCode == district, ct));
    }

    /// <summary>Finds the task as the caller may see it, checks the role and kind, and acts.</summary>
    private static async Task<Outcome> PerformAsync(
        string taskId, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, InboxTaskKind? kind, Func<InboxTask, InboxActor, Task> act, CancellationToken ct)
    {
        InboxTask? task;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            task = await db.InboxTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == taskId, ct);
            if (task is not null && !await MaySeeAsync(db, user, task, ct))
                task = null;
        }

        if (task is null)
            return new(StatusCodes.Status404NotFound);
        if (!user.IsInRole(RoleFor(task.Kind)))
            return new(StatusCodes.Status403Forbidden, Detail: $"A {task.Kind} task is worked by the {RoleFor(task.Kind)} role.");
        if (kind is { } expected && task.Kind != expected)
            return new(StatusCodes.Status409Conflict, Detail: $"Task {taskId} is a {task.Kind} task; this action is for {expected} tasks.");
        var actor = new InboxActor(Caller.Name(user), Caller.DisplayName(user), Caller.IsUnitUser(user) ? Caller.UnitCode(user) : null);
        try
        {
            await act(task, actor);
            return Outcome.Done;
        }
        catch (InboxTaskNotFoundException)
        {
            return new(StatusCodes.Status404NotFound);
        }
        catch (InboxStateException e)
        {
            return new(StatusCodes.Status409Conflict, Detail: e.Message);
        }
        catch (InboxValidationException e)
        {
            return new(StatusCodes.Status400BadRequest, e.Field, e.Message);
        }
    }
}
