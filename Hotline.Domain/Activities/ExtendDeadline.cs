using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// 延期: moves an approved extension's deadline by a number of working days counted from the current deadline's date
/// (<see cref="DeadlineCounting.Extend"/>), clears the pending request and records
/// <see cref="CaseEventKind.ExtensionApproved"/> with the old and new deadlines. The <c>DeadlineAt</c> output is the
/// new deadline, for the next handle task and the notice to the citizen.
/// </summary>
[Activity("Hotline", "Cases", "延期: moves the case's deadline by an approved number of working days.",
    DisplayName = "Extend Deadline", Outcomes = ["Done"])]
public sealed class ExtendDeadline : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Working days to add.</summary>
    [Input(Description = "Working days added to the current deadline (counted from the deadline's date).")]
    public Input<int>? Days { get; set; }

    /// <summary>The new deadline.</summary>
    [Output(Description = "The new deadline (ISO 8601, UTC).")]
    public Output<string>? DeadlineAt { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var days = context.Get(Days);
        if (days is < 1 or > Case.MaxExtensionDays)
            throw new WorkflowFaultException($"An extension of {days} working days is out of range (1 to {Case.MaxExtensionDays}).");
        var current = @case.DeadlineAt ?? throw new WorkflowFaultException($"Case {@case.Id} has no deadline to extend.");

        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var deadline = DeadlineCounting.Extend(calendar, current, days);
        @case.ExtendDeadline(days, deadline.Value, deadline.IsProvisional, context.Now);
        context.Set(DeadlineAt, deadline.Value.ToString("O"));
        context.Complete("Done");
    }
}
