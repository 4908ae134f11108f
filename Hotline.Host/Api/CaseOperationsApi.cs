using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Host.Api.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The centre's operations on a case (<see cref="CaseOperations"/>): 作废 void and 并案 merge (operators and dispatchers),
/// 改类 reclassify, 改派 reassign and 疑难复杂 mark complex (dispatchers). A case the caller may not see is 404, a case
/// whose state refuses the operation (ended, no task to move) 409, a bad field 400 naming it; each answers the case as saved.
/// </summary>
public static class CaseOperationsApi
{
    /// <summary>The longest reason kept.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>What every operation request carries: why.</summary>
    public interface IOperationRequest
    {
        /// <summary>Why (recorded in the timeline); required.</summary>
        string? Reason { get; }
    }

    /// <summary><c>POST /api/cases/{idOrNumber}/void</c>.</summary>
    public sealed record VoidRequest(string? Reason) : IOperationRequest;

    /// <summary><c>POST /api/cases/{idOrNumber}/merge</c>: the case (id or number) that answers for this one.</summary>
    public sealed record MergeRequest(string? IntoCase, string? Reason) : IOperationRequest;

    /// <summary><c>POST /api/cases/{idOrNumber}/reclassify</c>: a new type, a new subject or both.</summary>
    public sealed record ReclassifyRequest(CaseType? Type, string? SubjectCode, string? Reason) : IOperationRequest;

    /// <summary><c>POST /api/cases/{idOrNumber}/reassign</c>: the unit that takes over.</summary>
    public sealed record ReassignRequest(string? UnitCode, string? Reason) : IOperationRequest;

    /// <summary><c>POST /api/cases/{idOrNumber}/complex</c>: working days 1–15 (empty: the complex category's default).</summary>
    public sealed record ComplexRequest(string? Reason, int? WorkingDays) : IOperationRequest;

    /// <summary>Maps the five operations under <c>/api/cases/{idOrNumber}</c>.</summary>
    public static IEndpointRouteBuilder MapCaseOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{idOrNumber}").WithTags("Cases");
        Map(group, "/void", "VoidCase", "作废: voids a test call or a hang-up; its tasks and supervision stop, no reply or callback, no indicator counts it.", CaseOperationCalls.Void);
        Map(group, "/merge", "MergeCase", "并案: merges this case into another open case, whose one reply and one callback answer both callers.", CaseOperationCalls.Merge);
        Map(group, "/reclassify", "ReclassifyCase", "改类: changes the type and/or subject; the deadline is counted again by the category rule and a case its unit has not signed for is routed again.", CaseOperationCalls.Reclassify);
        Map(group, "/reassign", "ReassignCase", "改派: withdraws the lead unit's open handling task and gives the case to another unit.", CaseOperationCalls.Reassign);
        Map(group, "/complex", "MarkCaseComplex", "疑难复杂: marks the case difficult or complex; its deadline comes from the complex category (1–15 working days) and the supervision ladder restarts with its one-month step.", CaseOperationCalls.Complex);
        return app;
    }

    private static void Map<TBody>(RouteGroupBuilder group, string pattern, string name, string summary, CaseOperationCalls.Operation<TBody> operation)
        where TBody : class, IOperationRequest =>
        group.MapPost(pattern, async (string idOrNumber, HttpRequest request, ClaimsPrincipal user, CaseOperations ops, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBody.ReadAsync<TBody>(request, ct);
                if (problem is not null)
                    return problem;
                var outcome = await CaseOperationCalls.RunAsync(idOrNumber, body!, user, operation, ops, contexts, ct);
                if (outcome.NotFound)
                    return CasesApi.NotFound(idOrNumber);
                var result = outcome.Result!;
                return result.Status switch
                {
                    CaseOperationStatus.Invalid => ApiBody.Invalid(result.Field ?? "$", result.Message ?? "Not valid."),
                    CaseOperationStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the case's state", detail: result.Message),
                    _ => Results.Ok(CasesApi.CaseView.From(result.Case!, user)),
                };
            })
            .RequireAuthorization(p => p.RequireRole(operation.Roles))
            .WithName(name).WithSummary(summary).AcceptsJson<TBody>()
            .Produces<CasesApi.CaseView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
