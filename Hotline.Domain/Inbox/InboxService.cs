using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Escalation;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Inbox;

/// <summary>
/// Who acts on an inbox task. A unit's user (<see cref="UnitCode"/> set) sees and acts on the tasks of that unit only;
/// the hotline centre's staff (no unit) act on the centre's tasks and any other.
/// </summary>
/// <param name="UserName">The user's login or the integrator's name.</param>
/// <param name="DisplayName">The name shown in the timeline.</param>
/// <param name="UnitCode">The user's unit; null for the hotline centre.</param>
public sealed record InboxActor(string UserName, string DisplayName, string? UnitCode)
{
    /// <summary>Whether the actor may see a task of <paramref name="taskUnitCode"/>.</summary>
    public bool MaySee(string? taskUnitCode) => UnitCode is null || string.Equals(UnitCode, taskUnitCode, StringComparison.Ordinal);
}

/// <summary>
/// The unit's and the centre's actions on inbox tasks: sign for (签收) and complete with an outcome and its details.
/// Completing checks the details the graphs rely on (an answer, a reason, a subordinate unit, an extension requested
/// before the deadline) and then resumes the waiting workflow, which records the outcome on the case and the inbox row
/// in the same commit as its own state.
/// </summary>
/// <remarks>
/// Errors: <see cref="InboxTaskNotFoundException"/> for a task that does not exist or that the actor may not see,
/// <see cref="InboxStateException"/> for a task or case in the wrong state (already completed, extension after the
/// deadline, return window closed), <see cref="InboxValidationException"/> naming the bad field of the result.
/// Nothing is changed when one is thrown.
/// </remarks>
public sealed class InboxService(
    IDbContextFactory<HotlineDbContext> contexts,
    WorkflowRuntime runtime,
    CalendarService calendars,
    TimeProvider clock,
    IOptions<InboxOptions> options)
{
    /// <summary>Longest text accepted for an answer, reason or opinion.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Signs for a task (签收); records <see cref="CaseEventKind.SignedFor"/> (on time or late) and starts handling.</summary>
    public async Task<InboxTask> SignAsync(string taskId, InboxActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var task = await FindAsync(db.InboxTasks, taskId, actor, cancellationToken);
            if (task.Status != InboxTaskStatus.Open)
                throw new InboxStateException($"Task {taskId} is {task.Status}; only an open task can be signed for.");
            task.Sign(actor.UserName, now);
            if (task.CaseId is { } caseId && await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } @case)
                @case.SignFor(task.TaskId, task.UnitCode, KindName(task.Kind), task.Kind == InboxTaskKind.Handle, task.SignDueAt, Actor(task, actor), now);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return task;
            }
            catch (DbUpdateException e) when (attempt < CaseTimeline.MaxAttempts && CaseTimeline.IsConflict(e))
            {
                // Someone changed the case or the task meanwhile: read both again (a task completed meanwhile is then refused).
            }
        }
    }

    /// <summary>Completes a task with one of its outcomes and the details the outcome needs; returns the workflow's run.</summary>
    public async Task<RunResult> CompleteAsync(string taskId, InboxActor actor, string outcome, JsonObject? result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        result ??= [];
        // The checks read; the workflow's run writes, in its own commit.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var task = await FindAsync(db.InboxTasks.AsNoTracking(), taskId, actor, cancellationToken);
            if (!task.IsPending)
                throw new InboxStateException($"Task {taskId} is {task.Status}; it cannot be completed.");
            if (!task.PossibleOutcomes.Contains(outcome))
                throw new InboxValidationException("outcome", $"'{outcome}' is not an outcome of this task (allowed: {string.Join(", ", task.PossibleOutcomes)}).");
            await ValidateAsync(db, task, outcome, result, cancellationToken);
        }

        try
        {
            return await runtime.CompleteTaskAsync(taskId, new TaskCompletion(outcome, result, actor.UserName), cancellationToken);
        }
        catch (TaskNotFoundException)
        {
            throw new InboxStateException($"Task {taskId} is no longer waiting (completed or withdrawn meanwhile).");
        }
        catch (InvalidResumeInputException e)
        {
            throw new InboxValidationException("outcome", e.Message);
        }
    }

    private async Task ValidateAsync(HotlineDbContext db, InboxTask task, string outcome, JsonObject result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (task.Kind, outcome)
        {
            case (InboxTaskKind.Handle, "Completed"):
                RequireText(result, "answer");
                break;
            case (InboxTaskKind.Handle, "Returned"):
                RequireText(result, "reason");
                var calendar = await calendars.GetCalendarAsync(cancellationToken);
                var closesAt = calendar.AddWorkingHours(task.CreatedAt, options.Value.ReturnWithinWorkingHours).Value;
                if (now > closesAt)
                    throw new InboxStateException($"The return window closed at {closesAt.ToString("O", CultureInfo.InvariantCulture)} ({options.Value.ReturnWithinWorkingHours.TotalHours} working hours after the task arrived); handle the case or ask for an extension.");
                break;
            case (InboxTaskKind.Handle, "ExtensionRequested"):
                RequireText(result, "reason");
                RequireDays(result, "days");
                // The case is read only here: the other outcomes do not look at it.
                var @case = task.CaseId is { } caseId ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) : null;
                if (@case?.DeadlineAt is not { } deadline)
                    throw new InboxStateException("The case has no deadline to extend.");
                if (now >= deadline)
                    throw new InboxStateException($"An extension must be requested before the deadline ({deadline.ToString("O", CultureInfo.InvariantCulture)}); it has passed.");
                if (@case.ExtensionPending)
                    throw new InboxStateException("An extension request for this case is already waiting for the centre's decision.");
                break;
            case (InboxTaskKind.Handle, "SubDispatched"):
                var sub = RequireText(result, "unitCode");
                if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == sub && u.IsActive && u.ParentCode == task.UnitCode, cancellationToken))
                    throw new InboxValidationException("unitCode", $"'{sub}' is not an active unit under {task.UnitCode}; a case can be sub-dispatched only to a subordinate unit.");
                break;
            case (InboxTaskKind.ReviewReturn, "Approved") or (InboxTaskKind.Dispatch, _):
                var unit = RequireText(result, "unitCode");
                if (!await db.HandlingUnits.AsNoTracking().AnyAsync(u => u.Code == unit && u.IsActive, cancellationToken))
                    throw new InboxValidationException("unitCode", $"'{unit}' is not an active handling unit.");
                break;
            case (InboxTaskKind.ReviewExtension, "Approved"):
                if (result.ContainsKey("days"))
                    RequireDays(result, "days");
                break;
            case (InboxTaskKind.ReviewReturn or InboxTaskKind.ReviewExtension or InboxTaskKind.ReviewAnswer, "Rejected"):
                RequireText(result, "reason");
                break;
            case (InboxTaskKind.Callback, "Satisfied" or "BasicallySatisfied" or "Unsatisfied"):
                if (result["resolved"] is not JsonValue resolved || !resolved.TryGetValue<bool>(out _))
                    throw new InboxValidationException("resolved", "Say whether the citizen's problem was resolved (true or false).");
                break;
            case (InboxTaskKind.Assist, _):
                RequireText(result, "opinion");
                break;
            case (InboxTaskKind.ProgressReport, _) or (InboxTaskKind.Supervise, SupervisionDecisions.Keep):
                RequireText(result, "text", SupervisionDecisions.MaxTextLength);
                break;
            case (InboxTaskKind.Supervise, _) when result.ContainsKey("text"):
                RequireText(result, "text", SupervisionDecisions.MaxTextLength);
                break;
        }
    }

    private static string RequireText(JsonObject result, string field, int maxLength = MaxTextLength)
    {
        var text = result[field] is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (string.IsNullOrEmpty(text))
            throw new InboxValidationException(field, $"'{field}' is required.");
        if (text.Length > maxLength)
            throw new InboxValidationException(field, $"'{field}' is longer than {maxLength} characters.");
        return text;
    }

    private static void RequireDays(JsonObject result, string field)
    {
        if (result[field] is not JsonValue value || !value.TryGetValue<int>(out var days) || days is < 1 or > Case.MaxExtensionDays)
            throw new InboxValidationException(field, $"'{field}' must be a whole number of working days from 1 to {Case.MaxExtensionDays}.");
    }

    private static async Task<InboxTask> FindAsync(IQueryable<InboxTask> tasks, string taskId, InboxActor actor, CancellationToken cancellationToken)
    {
        var task = await tasks.FirstOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
        // A task of another unit is answered exactly like a task that does not exist: the caller learns nothing about it.
        return task is not null && actor.MaySee(task.UnitCode) ? task : throw new InboxTaskNotFoundException(taskId);
    }

    private static CaseActor Actor(InboxTask task, InboxActor actor) =>
        task.Kind is InboxTaskKind.Handle or InboxTaskKind.Assist && task.UnitCode is not null
            ? new CaseActor(CaseActorKind.Unit, task.UnitCode, actor.DisplayName)
            : CaseActor.User(actor.UserName, actor.DisplayName);

    private static string KindName(InboxTaskKind kind) => kind.ToString();
}

/// <summary>Settings of the inbox (<c>Hotline:Inbox</c>).</summary>
public sealed class InboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Inbox";

    /// <summary>
    /// How long after a task arrives its unit may still return the case as mis-routed (退单时限), in working time;
    /// default 7 hours, one working day of the default working hours (09:00–12:00, 13:30–17:30).
    /// </summary>
    public TimeSpan ReturnWithinWorkingHours { get; set; } = TimeSpan.FromHours(7);
}

/// <summary>The task does not exist, or the caller may not see it (answered alike: 404).</summary>
public sealed class InboxTaskNotFoundException(string taskId) : Exception($"Task {taskId} was not found.")
{
    /// <summary>The task id asked for.</summary>
    public string TaskId { get; } = taskId;
}

/// <summary>The task or its case is in a state that does not allow the action (409).</summary>
public sealed class InboxStateException(string message) : Exception(message);

/// <summary>A field of the action's details is missing or wrong (400).</summary>
public sealed class InboxValidationException(string field, string message) : Exception(message)
{
    /// <summary>The bad field.</summary>
    public string Field { get; } = field;
}
