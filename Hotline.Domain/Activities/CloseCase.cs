using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

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
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        @case.Close(context.Get(Result), context.Get(Resolved), context.Now);
        context.Complete("Done");
    }
}
