using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Host.Calendar;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// A <see cref="HumanTask"/> for a handling unit's inbox: builds the payload <see cref="Inbox.InboxTaskDispatcher"/>
/// reads (<c>caseId</c>, <c>unitCode</c>, <c>kind</c>, <c>dueAt</c>, <c>signDueAt</c>), assigns the task to the unit
/// and records a <see cref="CaseEventKind.TaskCreated"/> event. The sign-for limit is counted in working hours
/// (lunch, nights, weekends and holidays do not count); the due time defaults to the case's deadline.
/// </summary>
/// <remarks>
/// <see cref="HumanTask.ExecuteAsync"/> reads its inputs directly, so this class fills in the task itself rather than
/// calling it; resuming (outcome validation, <c>Result</c>, the outcome port) is <see cref="HumanTask"/>'s.
/// The inherited <c>TaskName</c>, <c>Assignee</c>, <c>PossibleOutcomes</c> and <c>Payload</c> inputs still override
/// the defaults when set (extra payload properties are kept).
/// </remarks>
[Activity("Hotline", "Tasks", "Puts a task for a case into a handling unit's inbox with sign-for and due times, and waits for its outcome.",
    DisplayName = "Create Inbox Task")]
public class CreateInboxTask : HumanTask
{
    /// <summary>The default sign-for limit, in working hours.</summary>
    public const double DefaultSignWithinHours = 2;

    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Whose inbox.</summary>
    [Input(Description = "The handling unit whose inbox gets the task (also the assignee).")]
    public Input<string>? UnitCode { get; set; }

    /// <summary>What the unit is asked to do.</summary>
    [Input(Description = "handle, review-return, review-extension, review-answer, callback or dispatch.", UIHint = "dropdown",
        Options = ["handle", "review-return", "review-extension", "review-answer", "callback", "dispatch"], DefaultValue = "handle")]
    public Input<string>? Kind { get; set; }

    /// <summary>The sign-for limit in working hours.</summary>
    [Input(Description = "Working hours the unit has to sign for the task (default 2).", DefaultValue = DefaultSignWithinHours)]
    public Input<double?>? SignWithinHours { get; set; }

    /// <summary>When the work is due; the case's deadline when empty.</summary>
    [Input(Description = "When the work is due (ISO 8601); the case's deadline when empty.")]
    public Input<string>? DueAt { get; set; }

    /// <summary>The outcomes a unit may choose for a kind of task when <c>PossibleOutcomes</c> is not set.</summary>
    public static List<string> DefaultOutcomes(string kind) => Normalize(kind) switch
    {
        "handle" => ["Completed", "Returned", "ExtensionRequested", "SubDispatched"],
        "reviewreturn" or "reviewextension" or "reviewanswer" => ["Approved", "Rejected"],
        "callback" => ["Satisfied", "BasicallySatisfied", "Unsatisfied", "Unreachable"],
        "dispatch" => ["Dispatched"],
        _ => ["Done"],
    };

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var unitCode = context.Get(UnitCode) is { Length: > 0 } unit ? unit
            : context.Get(Assignee) is { Length: > 0 } assigned ? assigned
            : throw new WorkflowFaultException("Create Inbox Task needs a UnitCode.");
        var kind = context.Get(Kind) is { Length: > 0 } k ? k : "handle";
        var hours = context.Get(SignWithinHours) ?? DefaultSignWithinHours;
        if (hours < 0 || double.IsNaN(hours) || TimeSpan.FromHours(hours) > WorkingDayCalendar.MaxWorkingHours)
            throw new WorkflowFaultException($"A sign-for limit of {hours} working hours is out of range.");

        var dueAt = await DueAtAsync(context, caseId);
        var taskName = context.Get(TaskName) is { Length: > 0 } name ? name : $"{Title(kind)} {unitCode}";
        var outcomes = context.Get(PossibleOutcomes) is { Count: > 0 } list ? list : DefaultOutcomes(kind);
        var payload = global::Hotline.Workflows.Expressions.ValueConverter.ToJson(context.Get(Payload)) as JsonObject ?? [];
        await OpenAsync(context, new InboxTaskSpec(caseId, unitCode, kind, taskName, outcomes, dueAt, hours, payload));
    }

    /// <summary>
    /// Puts one task into a unit's inbox for <paramref name="context"/>'s activity: a <see cref="HumanTask.BookmarkName"/>
    /// bookmark keyed by a new task id, and in the same commit the <see cref="CaseEventKind.TaskCreated"/> event and the
    /// inbox row. Returns the task id.
    /// </summary>
    internal static async Task<string> OpenAsync(ActivityExecutionContext context, InboxTaskSpec spec)
    {
        var (caseId, unitCode, kind, taskName, outcomes, dueAt, hours, payload) = spec;
        var now = context.Now;
        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var signDueAt = calendar.AddWorkingHours(now, TimeSpan.FromHours(hours)).Value;

        var taskId = NewTaskId(context.WorkflowInstanceId);
        payload["caseId"] = caseId.ToString();
        payload["unitCode"] = unitCode;
        payload["kind"] = kind;
        payload["dueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture);
        payload["signDueAt"] = signDueAt.ToString("O", CultureInfo.InvariantCulture);

        var bookmark = context.CreateBookmark(BookmarkName, hash: taskId, payload: new JsonObject
        {
            ["taskId"] = taskId,
            ["taskName"] = taskName,
            ["assignee"] = unitCode,
            ["possibleOutcomes"] = new JsonArray(outcomes.Select(o => (JsonNode?)o).ToArray()),
            ["payload"] = payload.DeepClone(),
        });
        var request = new TaskRequest(taskId, taskName, context.WorkflowInstanceId, context.Node.NodeId, bookmark.Id, outcomes, payload, unitCode, context.Workflow.CorrelationId);
        context.JournalData["taskId"] = taskId;
        context.JournalData["unitCode"] = unitCode;
        context.JournalData["kind"] = kind;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            // A case registered or given its deadline earlier in this burst is only complete here; the store builds the
            // inbox row from the payload after the effects, in the same transaction, so it still takes the deadline.
            var due = dueAt ?? @case.DeadlineAt;
            if (dueAt is null && due is { } deadline)
                payload["dueAt"] = deadline.ToString("O", CultureInfo.InvariantCulture);
            db.Append(@case, CaseEventKind.TaskCreated, CaseActor.System, now, new JsonObject
            {
                ["taskId"] = taskId,
                ["unitCode"] = unitCode,
                ["kind"] = kind,
                ["dueAt"] = due?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["signDueAt"] = signDueAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            });
        }));
        context.CreateTask(request);
        return taskId;
    }

    /// <summary>Records the outcome on the case and the inbox row in the resume's commit; see <see cref="ResumeAsync"/>.</summary>
    internal static void RecordOutcome(ActivityExecutionContext context, Bookmark bookmark, TaskCompletion completion)
    {
        if (bookmark.Payload?["payload"] is not JsonObject payload || !Guid.TryParse(payload["caseId"]?.GetValue<string>(), out var caseId))
            return;
        var taskId = bookmark.Payload["taskId"]?.GetValue<string>() ?? bookmark.Hash ?? bookmark.Id;
        context.AddEffect(new TaskOutcomeEffect(caseId, taskId, payload["kind"]?.GetValue<string>() ?? "handle",
            payload["unitCode"]?.GetValue<string>() ?? "", completion, context.Now));
    }

    /// <summary>The DueAt input, else the case's deadline as this burst sees it (a deadline moved earlier in the burst counts).</summary>
    private async Task<DateTimeOffset?> DueAtAsync(ActivityExecutionContext context, Guid caseId)
    {
        if (context.Get(DueAt) is { Length: > 0 } text)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new WorkflowFaultException($"'{text}' is not a due time.");
        return (await CaseReader.FindAsync(context, caseId))?.DeadlineAt;
    }

    /// <inheritdoc />
    /// <remarks>The inbox row is completed and the reported fact recorded on the case in the resume's commit (<see cref="TaskOutcomeEffect"/>).</remarks>
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        RecordOutcome(context, bookmark, input as TaskCompletion ?? new TaskCompletion("Done"));
        return base.ResumeAsync(context, bookmark, input);
    }

    private static string Normalize(string kind) => InboxKinds.Normalize(kind);

    private static string Title(string kind) => Normalize(kind) switch
    {
        "handle" => "Handle",
        "reviewreturn" => "Review return",
        "reviewextension" => "Review extension",
        "reviewanswer" => "Review answer",
        "callback" => "Call back",
        "dispatch" => "Dispatch",
        _ => kind,
    };
}

/// <summary>What <see cref="CreateInboxTask.OpenAsync"/> puts into an inbox.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="UnitCode">Whose inbox.</param>
/// <param name="Kind">handle, assist, review-return...</param>
/// <param name="TaskName">The name shown in the inbox.</param>
/// <param name="Outcomes">The outcomes the handler may choose.</param>
/// <param name="DueAt">When the work is due; the case's deadline when null.</param>
/// <param name="SignWithinHours">The sign-for limit in working hours.</param>
/// <param name="Payload">Extra data for the handler (the case, unit, kind and times are added).</param>
internal sealed record InboxTaskSpec(Guid CaseId, string UnitCode, string Kind, string TaskName, IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt, double SignWithinHours, JsonObject Payload);
