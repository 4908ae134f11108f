using Hotline.Workflows.Activities;

namespace Hotline.Domain.Activities;

/// <summary>
/// An operation the centre asks for on a case (作废, 并案, 改类, 疑难复杂): the case, who asked, and why. The lifecycle
/// receives the request as the payload of its <c>case-operation</c> event and passes these on.
/// </summary>
public abstract class OperationActivity : Activity
{
    /// <summary>The case.</summary>
    [Input(Description = "The id of the case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>Why, as the person asking said.</summary>
    [Input(Description = "Why (recorded in the timeline).")]
    public Input<string>? Reason { get; set; }

    /// <summary>Who asked: a user name.</summary>
    [Input(Description = "The user who asked for the operation (recorded in the timeline); the system when empty.")]
    public Input<string>? By { get; set; }

    /// <summary>The name shown for them in the timeline.</summary>
    [Input(Description = "The name of that user as the timeline shows it.")]
    public Input<string>? ByName { get; set; }
}
