using System.Text.Json.Nodes;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Host.Security;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Hotline.Domain.Users;

namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// Enumerations are written by name (JsonStringEnumConverter), so their schemas are strings listing the names. Some
/// request and response properties are strings that carry an enumeration's names or a date (checked by the handler, so
/// that a bad value is a 400 naming the field); they are declared here with their names or format.
/// </summary>
public sealed class DeclaredValuesSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<(Type Type, string Property), Action<OpenApiSchema>> Properties = new()
    {
        [(typeof(CaseIntakeRequest), nameof(CaseIntakeRequest.Channel))] = NamesOf<CaseChannel>,
        [(typeof(CaseIntakeRequest), nameof(CaseIntakeRequest.Type))] = NamesOf<CaseType>,
        [(typeof(CaseIntakeRequest), nameof(CaseIntakeRequest.Urgency))] = NamesOf<CaseUrgency>,
        [(typeof(WorkflowsApi.StartWorkflowResponse), nameof(WorkflowsApi.StartWorkflowResponse.Status))] = NamesOf<WorkflowStatus>,
        [(typeof(WorkflowsApi.StartWorkflowResponse), nameof(WorkflowsApi.StartWorkflowResponse.SubStatus))] = NamesOf<WorkflowSubStatus>,
        [(typeof(InboxApi.CallbackRequest), nameof(InboxApi.CallbackRequest.Result))] = s => Values(s, "Satisfied", "BasicallySatisfied", "Unsatisfied", "Unreachable"),
        [(typeof(InboxApi.ReviewRequest), nameof(InboxApi.ReviewRequest.Decision))] = s => Values(s, "approve", "reject"),
        [(typeof(AuthApi.CreateUserRequest), nameof(AuthApi.CreateUserRequest.Roles))] = s => Values(Items(s), [.. HotlineRoles.All.Where(r => r != HotlineRoles.Integrator)]),
        [(typeof(CalendarApi.HolidayDocument), nameof(CalendarApi.HolidayDocument.From))] = Date,
        [(typeof(CalendarApi.HolidayDocument), nameof(CalendarApi.HolidayDocument.To))] = Date,
        [(typeof(CalendarApi.CalendarYearDocument), nameof(CalendarApi.CalendarYearDocument.MakeUpWorkingDays))] = s => Date(Items(s)),
        [(typeof(Hotline.Domain.Indicators.RankingReport), nameof(Hotline.Domain.Indicators.RankingReport.Month))] = s => s.Pattern = @"^\d{4}-\d{2}$",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonPropertyInfo is { } property && property.DeclaringType is { } declaring
            && Properties.TryGetValue((declaring, property.AttributeProvider is System.Reflection.MemberInfo m ? m.Name : property.Name), out var declare))
            declare(schema);
        else if (context.JsonTypeInfo.Type.IsEnum && schema.Enum is { Count: > 0 })
            schema.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }

    private static void NamesOf<T>(OpenApiSchema schema) where T : struct, Enum => Values(schema, Enum.GetNames<T>());

    /// <summary>The allowed values, and null where the property is nullable (an enum that leaves null out would refuse it).</summary>
    private static void Values(OpenApiSchema schema, params string[] values)
    {
        schema.Enum = [.. values.Select(v => (JsonNode)v)];
        if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
            schema.Enum.Add(null!);
    }

    private static void Date(OpenApiSchema schema) => schema.Format = "date";

    private static OpenApiSchema Items(OpenApiSchema array) =>
        array.Items as OpenApiSchema ?? throw new InvalidOperationException("An array schema without an items schema.");
}
