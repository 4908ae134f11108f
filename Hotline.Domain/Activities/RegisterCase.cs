using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// Registers a case (受理): takes the next case number and adds the case with its <see cref="CaseEventKind.Registered"/>
/// event to the burst, saved with the instance. The case number becomes the instance's correlation id.
/// </summary>
[Activity("Hotline", "Cases", "Registers a case (受理) from the citizen's request and outputs its id.", DisplayName = "Register Case")]
public sealed class RegisterCase : Activity
{
    /// <summary>How the case arrived (<see cref="CaseChannel"/>).</summary>
    [Input(Description = "How the case arrived: Phone, Web, Sms, WeChat, App, MayorMailbox, ProvincialPlatform, PoliceTransfer.")]
    public Input<string>? Channel { get; set; }

    /// <summary>What the citizen said.</summary>
    [Input(Description = "What the citizen said.")]
    public Input<string>? Content { get; set; }

    /// <summary>The case type (<see cref="Cases.CaseType"/>).</summary>
    [Input(Description = "Consultation, Help, Complaint, Report, Suggestion or Praise.")]
    public Input<string>? CaseType { get; set; }

    /// <summary>The subject code.</summary>
    [Input(Description = "The subject code (诉求分类), if known.")]
    public Input<string>? SubjectCode { get; set; }

    /// <summary>The citizen's name.</summary>
    [Input(Description = "The citizen's name; empty when anonymous.")]
    public Input<string>? CitizenName { get; set; }

    /// <summary>The citizen's telephone.</summary>
    [Input(Description = "The citizen's telephone, in any format.")]
    public Input<string>? CitizenPhone { get; set; }

    /// <summary>Where the problem is.</summary>
    [Input(Description = "Where the problem is.")]
    public Input<string>? Address { get; set; }

    /// <summary>The six-digit district code.</summary>
    [Input(Description = "The six-digit district code of the place.")]
    public Input<string>? DistrictCode { get; set; }

    /// <summary>The urgency (<see cref="CaseUrgency"/>).</summary>
    [Input(Description = "Normal, Urgent or Emergency; Normal when empty.")]
    public Input<string>? Urgency { get; set; }

    /// <summary>Who submitted the case.</summary>
    [Input(Description = "Who submitted the case: the operator's login or the integrator's name (they may read the case later).")]
    public Input<string>? SubmittedBy { get; set; }

    /// <summary>The new case's id.</summary>
    [Output(Description = "The id of the registered case.")]
    public Output<string>? CaseId { get; set; }

    /// <summary>The new case's number.</summary>
    [Output(Description = "The number of the registered case (yyyyMMdd-nnnnnn).")]
    public Output<string>? CaseNumber { get; set; }

    /// <inheritdoc />
    /// <remarks>
    /// The inputs are checked as every intake is (<see cref="NewCase.Check"/>): any definition may feed them. An empty
    /// channel is a phone call and an empty type a consultation, so a hand-drawn graph needs only the content.
    /// </remarks>
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var request = new CaseIntakeRequest(
            Blank(context.Get(Channel)) ?? nameof(CaseChannel.Phone), context.Get(Content), Blank(context.Get(CaseType)) ?? nameof(Cases.CaseType.Consultation),
            context.Get(SubjectCode), context.Get(CitizenName), context.Get(CitizenPhone), context.Get(Address), context.Get(DistrictCode), context.Get(Urgency));
        var (checkedCase, errors) = NewCase.Check(request, context.Get(SubmittedBy));
        if (checkedCase is null)
            throw new WorkflowFaultException("The case cannot be registered: " + string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));

        var number = await context.GetRequiredService<CaseNumberGenerator>().NextAsync(context.Now);
        var @case = Case.Register(checkedCase, number, context.WorkflowInstanceId, CaseActor.System, context.Now);
        context.Db().Cases.Add(@case);
        context.Workflow.CorrelationId ??= number;
        context.Set(CaseId, @case.Id.ToString());
        context.Set(CaseNumber, number);
        context.Complete();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
