using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// A <see cref="HumanTask"/> for a handling unit's inbox: puts the task into the unit's inbox with its sign-for and
/// due times (<c>caseId</c>, <c>unitCode</c>, <c>kind</c>, <c>dueAt</c>, <c>signDueAt</c> in its payload) and records a
/// <see cref="CaseEventKind.TaskCreated"/> event, in the burst's commit. The sign-for limit is counted in working hours
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
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Whose inbox.</summary>
    [Input(Description = "The handling unit whose inbox gets the task (also the assignee); the case's lead unit when empty.")]
    public Input<string>? UnitCode { get; set; }

    /// <summary>What the unit is asked to do.</summary>
    [Input(Description = "handle, review-return, review-extension, review-answer, callback, dispatch, progress-report (13710 进展反馈, outcome Reported) or supervise (销号: Closed or Kept).", UIHint = "dropdown",
        Options = ["handle", "review-return", "review-extension", "review-answer", "callback", "dispatch", "progress-report", "supervise"], DefaultValue = "handle")]
    public Input<string>? Kind { get; set; }

    /// <summary>The sign-for limit in working hours.</summary>
    [Input(Description = "Working hours the unit has to sign for the task (default 2).", DefaultValue = InboxRules.DefaultSignWithinHours)]
    public Input<double?>? SignWithinHours { get; set; }

    /// <summary>When the work is due; the case's deadline when empty.</summary>
    [Input(Description = "When the work is due (ISO 8601); the case's deadline when empty.")]
    public Input<string>? DueAt { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var unitCode = context.Get(UnitCode) is { Length: > 0 } unit ? unit
            : context.Get(Assignee) is { Length: > 0 } assigned ? assigned
            : @case.LeadUnitCode is { Length: > 0 } lead ? lead
            : throw new WorkflowFaultException("Create Inbox Task needs a UnitCode (the case has no lead unit).");
        var kind = context.Get(Kind) is { Length: > 0 } k ? k : "handle";
        var signDueAt = await InboxTasks.SignDueAtAsync(context, context.Get(SignWithinHours) ?? InboxRules.DefaultSignWithinHours);
        // The case's deadline as this burst left it: one set earlier in the same burst counts.
        var dueAt = InboxTasks.ParseDueAt(context.Get(DueAt)) ?? @case.DeadlineAt;
        var taskName = context.Get(TaskName) is { Length: > 0 } name ? name : InboxRules.DefaultTaskName(kind, unitCode);
        var outcomes = context.Get(PossibleOutcomes) is { Count: > 0 } list ? list : InboxRules.DefaultOutcomes(kind);
        var payload = global::Hotline.Workflows.Expressions.ValueConverter.ToJson(context.Get(Payload)) as JsonObject ?? [];
        InboxTasks.Open(context, @case, new InboxTaskSpec(unitCode, kind, taskName, outcomes, dueAt, signDueAt, payload));
    }

    /// <inheritdoc />
    /// <remarks>The inbox row is completed and the reported fact recorded on the case in the resume's burst.</remarks>
    public override async ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        await InboxTasks.RecordOutcomeAsync(context, bookmark, input as TaskCompletion ?? new TaskCompletion("Done"));
        await base.ResumeAsync(context, bookmark, input);
    }
}
