using Hotline.Domain.Cases;
using Hotline.Domain.Rating;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Activities;

/// <summary>
/// 答复: records that the citizen was given the accepted answer and moves the case to
/// <see cref="CaseStatus.AwaitingCallback"/> (<see cref="CaseEventKind.Replied"/>, with the text and channel). The text
/// ends with a new one-time rating link (好差评, <see cref="RatingLinks"/>); the case's earlier link stops working.
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
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var options = context.GetRequiredService<IOptions<RatingOptions>>().Value;
        var link = await RatingLinks.IssueAsync(context.Db(), @case, options, context.Now);
        @case.Reply(RatingLinks.Append(context.Get(Text) ?? "", link), context.Get(Channel) is { Length: > 0 } channel ? channel : "Sms", context.Now);
        context.Complete("Done");
    }
}
