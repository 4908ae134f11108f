using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>What <see cref="InboxTasks.Open"/> puts into an inbox.</summary>
/// <param name="UnitCode">Whose inbox.</param>
/// <param name="Kind">handle, assist, review-return...</param>
/// <param name="TaskName">The name shown in the inbox.</param>
/// <param name="Outcomes">The outcomes the handler may choose.</param>
/// <param name="DueAt">When the work is due (the case's deadline, or what the graph says).</param>
/// <param name="SignDueAt">When it must be signed for.</param>
/// <param name="Payload">Extra data for the handler (the case, unit, kind and times are added).</param>
internal sealed record InboxTaskSpec(string UnitCode, string Kind, string TaskName, IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt, DateTimeOffset SignDueAt, JsonObject Payload);

/// <summary>How the hotline's task activities open inbox tasks and record their outcomes, in the burst's unit of work.</summary>
internal static class InboxTasks
{
    /// <summary>The moment <paramref name="hours"/> working hours from now (the sign-for limit).</summary>
    public static async Task<DateTimeOffset> SignDueAtAsync(ActivityExecutionContext context, double hours)
    {
        if (hours < 0 || double.IsNaN(hours) || hours > WorkingDayCalendar.MaxWorkingHours.TotalHours)
            throw new WorkflowFaultException($"A sign-for limit of {hours} working hours is out of range.");
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        return calendar.AddWorkingHours(context.Now, TimeSpan.FromHours(hours)).Value;
    }

    /// <summary>
    /// Puts one task for <paramref name="case"/> into a unit's inbox for <paramref name="context"/>'s activity: a
    /// <see cref="HumanTask.BookmarkName"/> bookmark keyed by a new task id, the task (its inbox row is written by the
    /// burst's commit, with the bookmark) and the <see cref="CaseEventKind.TaskCreated"/> event. Returns the task id.
    /// </summary>
    public static string Open(ActivityExecutionContext context, Case @case, InboxTaskSpec spec)
    {
        var taskId = HumanTask.NewTaskId(context.WorkflowInstanceId);
        var payload = spec.Payload;
        payload["caseId"] = @case.Id.ToString();
        payload["unitCode"] = spec.UnitCode;
        payload["kind"] = spec.Kind;
        payload["dueAt"] = spec.DueAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        payload["signDueAt"] = spec.SignDueAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var bookmark = context.CreateBookmark(HumanTask.BookmarkName, hash: taskId, payload: new JsonObject
        {
            ["taskId"] = taskId,
            ["taskName"] = spec.TaskName,
            ["assignee"] = spec.UnitCode,
            ["possibleOutcomes"] = new JsonArray(spec.Outcomes.Select(o => (JsonNode?)o).ToArray()),
            ["payload"] = payload.DeepClone(),
        });
        context.CreateTask(new TaskRequest(taskId, spec.TaskName, context.WorkflowInstanceId, context.Node.NodeId, bookmark.Id, spec.Outcomes, payload,
            spec.UnitCode, context.Workflow.CorrelationId));
        context.JournalData["taskId"] = taskId;
        context.JournalData["unitCode"] = spec.UnitCode;
        context.JournalData["kind"] = spec.Kind;
        @case.RecordTaskCreated(taskId, spec.UnitCode, spec.Kind, spec.DueAt, spec.SignDueAt, context.Now);
        return taskId;
    }

    /// <summary>
    /// Records on the case, in the resume's burst, the fact the handler reported by completing a task
    /// (<see cref="Case.RecordTaskOutcome"/>); the burst's commit completes the inbox row.
    /// </summary>
    public static async Task RecordOutcomeAsync(ActivityExecutionContext context, Bookmark bookmark, TaskCompletion completion)
    {
        if (bookmark.Payload?["payload"] is not JsonObject payload || !Guid.TryParse(payload["caseId"]?.GetValue<string>(), out var caseId))
            return;
        var taskId = bookmark.Payload["taskId"]?.GetValue<string>() ?? bookmark.Hash ?? bookmark.Id;
        var kind = payload["kind"]?.GetValue<string>() ?? "handle";
        // 查回访: a second callback on a satisfied case is its own fact (the indicators count the first call only).
        if (TaskKinds.Normalize(kind) == "callback" && payload["second"] is JsonValue second && second.TryGetValue<bool>(out var isSecond) && isSecond)
            kind = "second-callback";
        var unitCode = payload["unitCode"]?.GetValue<string>() ?? "";
        var by = completion.CompletedBy ?? unitCode;
        var @case = await context.LoadCaseAsync(caseId);
        // Unit work is the unit's act (the person who completed it is named); the centre's work is the person's.
        var actor = TaskKinds.Normalize(kind) is "handle" or "assist" ? new CaseActor(CaseActorKind.Unit, unitCode, by) : new CaseActor(CaseActorKind.User, by, by);
        @case.RecordTaskOutcome(taskId, kind, unitCode, completion.Outcome, completion.Result as JsonObject, actor, context.Now);
    }

    /// <summary>A due time given as text (ISO 8601), or null when empty.</summary>
    public static DateTimeOffset? ParseDueAt(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
        : throw new WorkflowFaultException($"'{text}' is not a due time.");
}
