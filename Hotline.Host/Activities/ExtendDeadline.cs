using System.Text.Json.Nodes;
using Hotline.Host.Calendar;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// 延期: moves an approved extension's deadline by a number of working days counted from the current deadline's date
/// (due at the end of the afternoon period), clears the pending request and records
/// <see cref="CaseEventKind.ExtensionApproved"/> with the old and new deadlines. The <c>DeadlineAt</c> output is the
/// new deadline, for the next handle task and the notice to the citizen.
/// </summary>
[Activity("Hotline", "Cases", "延期: moves the case's deadline by an approved number of working days.",
    DisplayName = "Extend Deadline", Outcomes = ["Done"])]
public sealed class ExtendDeadline : Activity
{
    /// <summary>The longest extension one approval may grant, in working days.</summary>
    public const int MaxDays = 60;

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
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var days = context.Get(Days);
        if (days is < 1 or > MaxDays)
            throw new WorkflowFaultException($"An extension of {days} working days is out of range (1 to {MaxDays}).");
        var current = (await CaseReader.FindAsync(context, caseId))?.DeadlineAt
            ?? throw new WorkflowFaultException($"Case {caseId} has no deadline to extend.");

        var calendar = await context.GetRequiredService<CalendarService>().GetCalendarAsync();
        var due = calendar.AddWorkingDays(calendar.DateOf(current), days);
        var deadline = calendar.EndOfWorkingDay(due.Value);
        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            var previous = @case.DeadlineAt;
            @case.DeadlineAt = deadline;
            @case.IsDeadlineProvisional = due.IsProvisional;
            @case.ExtensionPending = false;
            if (@case.Warning == WarningLevel.Yellow)
                @case.Warning = WarningLevel.None;
            db.Append(@case, CaseEventKind.ExtensionApproved, CaseActor.System, at, new JsonObject
            {
                ["days"] = days,
                ["previousDeadlineAt"] = previous?.ToString("O"),
                ["deadlineAt"] = deadline.ToString("O"),
                ["provisional"] = due.IsProvisional,
            });
        }));
        context.Set(DeadlineAt, deadline.ToString("O"));
        context.Complete("Done");
    }
}
