using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>An example of starting a case (<c>POST /api/cases</c>, operation <c>CreateCase</c>): the request an integrator sends and the case it gets back.</summary>
public sealed class CaseIntakeExampleTransformer : IOpenApiOperationTransformer
{
    /// <summary>The operation the examples belong to.</summary>
    public const string OperationId = "CreateCase";

    /// <summary>A citizen's complaint as an integrator registers it.</summary>
    public static JsonObject Request => new()
    {
        ["channel"] = "Web",
        ["type"] = "Complaint",
        ["subjectCode"] = "SR-ROAD",
        ["content"] = "新华路1号门前占道经营，早晚高峰堵塞人行道。",
        ["citizenName"] = "张先生",
        ["citizenPhone"] = "13800138000",
        ["address"] = "新华路1号",
        ["districtCode"] = "990103",
        ["urgency"] = "Normal",
    };

    /// <summary>The case registered (201; 200 for a repeat with the same Idempotency-Key).</summary>
    public static JsonObject Response => new()
    {
        ["id"] = "0f8b3c3e-5d2a-4c71-9a5e-7d1f0c2b9e64",
        ["number"] = "20260302-000001",
        ["channel"] = "Web",
        ["type"] = "Complaint",
        ["subjectCode"] = "SR-ROAD",
        ["content"] = "新华路1号门前占道经营，早晚高峰堵塞人行道。",
        ["citizenName"] = "张先生",
        ["citizenPhone"] = "138****8000",
        ["address"] = "新华路1号",
        ["districtCode"] = "990103",
        ["urgency"] = "Normal",
        ["status"] = "Registered",
        ["warning"] = "None",
        ["escalationLevel"] = 0,
        ["leadUnitCode"] = null,
        ["assistingUnitCodes"] = new JsonArray(),
        ["deadlineAt"] = null,
        ["deadlineProvisional"] = false,
        ["deadlineRule"] = null,
        ["reopenCount"] = 0,
        ["extensionPending"] = false,
        ["linkedCaseIds"] = new JsonArray(),
        ["createdAt"] = "2026-03-02T09:00:00+08:00",
        ["updatedAt"] = "2026-03-02T09:00:00+08:00",
        ["closedAt"] = null,
        ["isComplex"] = false,
        ["mergedIntoCaseId"] = null,
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.OperationId != OperationId)
            return Task.CompletedTask;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
            request.Example = Request;
        foreach (var status in new[] { "201", "200" })
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue("application/json", out var body) == true)
                body.Example = Response;
        return Task.CompletedTask;
    }
}
