using System.Text.Json.Nodes;
using Hotline.Domain.Inbox;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 协办: puts an <c>assist</c> task into the inbox of every assisting unit and completes (outcome <c>Done</c>) when all
/// of them have submitted their opinion for the lead unit; at once when there are no assisting units. Each opinion is
/// recorded on the case (<see cref="Cases.CaseEventKind.AssistanceSubmitted"/>) as it comes in.
/// </summary>
/// <remarks>
/// The tasks are ordinary <c>Hotline.HumanTask</c> bookmarks of this one activity, so the inbox completes them like any
/// other task. When the graph leaves this activity some other way (the lead unit returned the case and the branch is
/// cancelled), the remaining tasks disappear from the inboxes.
/// </remarks>
[Activity("Hotline", "Tasks", "协办: asks every assisting unit for its opinion through its inbox and waits until all have answered.",
    DisplayName = "Request Assistance", Outcomes = ["Done"])]
public sealed class RequestAssistance : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The assisting units; the case's assisting units when empty.</summary>
    [Input(Description = "The assisting units' codes; the case's assisting units when empty.")]
    public Input<List<string>>? UnitCodes { get; set; }

    /// <summary>When the opinions are due; the case's deadline when empty.</summary>
    [Input(Description = "When the opinions are due (ISO 8601); the case's deadline when empty.")]
    public Input<string>? DueAt { get; set; }

    /// <summary>The sign-for limit in working hours.</summary>
    [Input(Description = "Working hours each unit has to sign for its task (default 2).", DefaultValue = InboxRules.DefaultSignWithinHours)]
    public Input<double?>? SignWithinHours { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var units = (context.Get(UnitCodes) is { Count: > 0 } given ? given : @case.AssistingUnitCodes)
            .Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        if (units.Count == 0)
        {
            context.Complete("Done");
            return;
        }

        var dueAt = InboxTasks.ParseDueAt(context.Get(DueAt)) ?? @case.DeadlineAt;
        var signDueAt = await InboxTasks.SignDueAtAsync(context, context.Get(SignWithinHours) ?? InboxRules.DefaultSignWithinHours);
        foreach (var unit in units)
            InboxTasks.Open(context, @case, new InboxTaskSpec(unit, "assist", InboxRules.DefaultTaskName("assist", unit), [InboxRules.AssistSubmitted], dueAt, signDueAt, []));
        context.JournalData["unitCodes"] = new JsonArray(units.Select(u => (JsonNode?)u).ToArray());
    }

    /// <inheritdoc />
    public override string? ValidateResumeInput(Bookmark bookmark, object? input)
    {
        var outcome = (input as TaskCompletion)?.Outcome;
        return outcome == InboxRules.AssistSubmitted ? null : $"'{outcome}' is not an outcome of an assist task (allowed: {InboxRules.AssistSubmitted}).";
    }

    /// <inheritdoc />
    public override async ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        var completion = input as TaskCompletion ?? new TaskCompletion(InboxRules.AssistSubmitted);
        context.CompleteTask(bookmark, completion);
        await InboxTasks.RecordOutcomeAsync(context, bookmark, completion);
        if (!context.Workflow.Bookmarks.Any(b => b.ActivityInstanceId == context.Id && b.Name == HumanTask.BookmarkName))
            context.Complete("Done");
    }
}
