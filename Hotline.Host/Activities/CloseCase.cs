using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// 办结: closes the case with the result of its follow-up (satisfied, basically satisfied, unsatisfied, unreachable)
/// and records <see cref="CaseEventKind.Closed"/>.
/// </summary>
[Activity("Hotline", "Cases", "办结: closes the case with the callback's result.", DisplayName = "Close Case", Outcomes = ["Done"])]
public sealed class CloseCase : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The follow-up's result.</summary>
    [Input(Description = "The callback's result.", UIHint = "dropdown", Options = ["Satisfied", "BasicallySatisfied", "Unsatisfied", "Unreachable"])]
    public Input<string>? Result { get; set; }

    /// <summary>Whether the problem was solved.</summary>
    [Input(Description = "Whether the citizen's problem was solved (as the citizen said at the callback).")]
    public Input<bool?>? Resolved { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var result = context.Get(Result);
        var resolved = context.Get(Resolved);
        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.Status = CaseStatus.Closed;
            @case.ClosedAt = at;
            db.Append(@case, CaseEventKind.Closed, CaseActor.System, at, new JsonObject
            {
                ["result"] = result,
                ["resolved"] = resolved,
                ["reopenCount"] = @case.ReopenCount,
            });
        }));
        context.Complete("Done");
        return ValueTask.CompletedTask;
    }
}
