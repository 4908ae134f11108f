using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// 答复: records that the citizen was given the accepted answer and moves the case to
/// <see cref="CaseStatus.AwaitingCallback"/> (<see cref="CaseEventKind.Replied"/>, with the text and channel).
/// </summary>
[Activity("Hotline", "Cases", "答复: gives the citizen the accepted answer; the case then waits for its callback.",
    DisplayName = "Reply To Citizen", Outcomes = ["Done"])]
public sealed class ReplyToCitizen : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The answer.</summary>
    [Input(Description = "The answer given to the citizen.", UIHint = "multiline")]
    public Input<string>? Text { get; set; }

    /// <summary>How the citizen is answered.</summary>
    [Input(Description = "How the citizen is answered.", UIHint = "dropdown", Options = ["Phone", "Sms", "Web", "WeChat", "App"], DefaultValue = "Sms")]
    public Input<string>? Channel { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var text = context.Get(Text) ?? "";
        var channel = context.Get(Channel) is { Length: > 0 } c ? c : "Sms";
        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, @case) =>
        {
            @case.Status = CaseStatus.AwaitingCallback;
            db.Append(@case, CaseEventKind.Replied, CaseActor.System, at, new JsonObject { ["text"] = text, ["channel"] = channel });
        }));
        context.Complete("Done");
        return ValueTask.CompletedTask;
    }
}
