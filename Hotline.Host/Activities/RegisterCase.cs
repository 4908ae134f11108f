using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Activities;

/// <summary>
/// Registers a case (受理): takes the next case number, and adds the case row and its
/// <see cref="CaseEventKind.Registered"/> event through an effect saved with the instance. The case number becomes the
/// instance's correlation id.
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
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var content = context.Get(Content);
        if (string.IsNullOrWhiteSpace(content))
            throw new WorkflowFaultException("A case needs content.");
        var district = Blank(context.Get(DistrictCode));
        if (district is not null && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            throw new WorkflowFaultException($"District code '{district}' is not six digits.");

        var now = context.Now;
        var number = await context.GetRequiredService<CaseNumberGenerator>().NextAsync(now);
        var address = Blank(context.Get(Address));
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Channel = Parse(context.Get(Channel), CaseChannel.Phone),
            CitizenName = Blank(context.Get(CitizenName)),
            CitizenPhone = PhoneNumbers.Normalize(context.Get(CitizenPhone)),
            Address = address,
            AddressKey = AddressKey.Normalize(address),
            DistrictCode = district,
            Content = content.Trim(),
            Type = Parse(context.Get(CaseType), Cases.CaseType.Consultation),
            SubjectCode = Blank(context.Get(SubjectCode)),
            Urgency = Parse(context.Get(Urgency), CaseUrgency.Normal),
            Status = CaseStatus.Registered,
            WorkflowInstanceId = context.WorkflowInstanceId,
            SubmittedBy = Blank(context.Get(SubmittedBy)),
            CreatedAt = now,
            UpdatedAt = now,
        };
        context.AddEffect(new Registration(@case));
        context.Workflow.CorrelationId ??= number;
        context.Set(CaseId, @case.Id.ToString());
        context.Set(CaseNumber, number);
        context.Complete();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T Parse<T>(string? text, T fallback) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new WorkflowFaultException($"'{text}' is not a {typeof(T).Name}.");

    /// <summary>The effect that adds the case; later activities of the same burst read the case from it.</summary>
    internal sealed class Registration(Case @case) : IDbEffect
    {
        /// <summary>The case as registered (not tracked).</summary>
        public Case Case => @case;


        public Task ApplyAsync(HotlineDbContext db, CancellationToken cancellationToken)
        {
            // A fresh copy each time: a retried burst must not carry the sequence and version of a failed attempt.
            var row = new Case
            {
                Id = @case.Id, Number = @case.Number, Channel = @case.Channel, CitizenName = @case.CitizenName, CitizenPhone = @case.CitizenPhone,
                Address = @case.Address, AddressKey = @case.AddressKey, DistrictCode = @case.DistrictCode, Content = @case.Content,
                Type = @case.Type, SubjectCode = @case.SubjectCode, Urgency = @case.Urgency, Status = @case.Status,
                WorkflowInstanceId = @case.WorkflowInstanceId, SubmittedBy = @case.SubmittedBy, CreatedAt = @case.CreatedAt, UpdatedAt = @case.UpdatedAt,
            };
            db.Add(row);
            db.Append(row, CaseEventKind.Registered, CaseActor.System, row.CreatedAt, new JsonObject
            {
                ["channel"] = row.Channel.ToString(),
                ["type"] = row.Type.ToString(),
                ["subjectCode"] = row.SubjectCode,
                ["urgency"] = row.Urgency.ToString(),
                ["submittedBy"] = row.SubmittedBy,
            });
            return Task.CompletedTask;
        }
    }
}
