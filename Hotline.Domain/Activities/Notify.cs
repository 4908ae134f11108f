using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Activities;

/// <summary>
/// Sends a notice about a case to the citizen, the lead unit, its head, the supervisor, a leader or the dispatcher, by
/// recording a <see cref="CaseEventKind.Notified"/> event (recipient, channel, text and, for the lead unit and its
/// head, the unit's code) in the same commit as the workflow.
/// </summary>
/// <remarks>
/// The same save delivers it: channel <c>Inbox</c> rings the recipient's bell (<c>NotificationWriter</c>), <c>Sms</c> and
/// <c>Letter</c> (as e-mail) become outbox messages to the citizen's telephone or the staff's addresses
/// (<c>OutboxWriter</c>), sent by the delivery worker with every try on the case's timeline.
/// </remarks>
[Activity("Hotline", "Cases", "Sends a notice about a case (SMS, inbox or letter) to the citizen, the lead unit, its head, the supervisor, a leader or the dispatcher.",
    DisplayName = "Notify")]
public sealed class Notify : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Who gets the notice.</summary>
    [Input(Description = "Citizen, LeadUnit (承办单位), UnitHead (承办单位负责人), Supervisor (督办员), Leader (包案领导) or Dispatcher (派单员).",
        UIHint = "dropdown", Options = ["Citizen", "LeadUnit", "UnitHead", "Supervisor", "Leader", "Dispatcher"])]
    public Input<string>? Recipient { get; set; }

    /// <summary>How it is sent.</summary>
    [Input(Description = "Sms, Inbox or Letter (函告); Sms when empty.", UIHint = "dropdown", Options = ["Sms", "Inbox", "Letter"], DefaultValue = "Sms")]
    public Input<string>? Channel { get; set; }

    /// <summary>What the notice says.</summary>
    [Input(Description = "The text of the notice.")]
    public Input<string>? Text { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = await context.LoadCaseAsync(CaseId);
        var recipient = Parse<NoticeRecipient>(context.Get(Recipient), "recipient", null);
        var channel = Parse<NoticeChannel>(context.Get(Channel), "channel", NoticeChannel.Sms);
        var text = context.Get(Text) is { } t && !string.IsNullOrWhiteSpace(t) ? t : throw new WorkflowFaultException("Notify needs a Text.");
        context.JournalData["recipient"] = recipient.ToString();
        context.JournalData["channel"] = channel.ToString();
        @case.Notify(recipient, channel, text, context.Now);
        context.Complete();
    }

    private static T Parse<T>(string? text, string what, T? empty) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) && empty is { } fallback ? fallback
        : EnumNames.TryParse<T>(text, out var value) ? value
        : throw new WorkflowFaultException($"'{text}' is not a notice {what} ({string.Join(", ", Enum.GetNames<T>())}).");
}
