using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
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

    /// <summary>One call of an operation: the service, the case the caller may see, the body, who asks, and a finder of other cases the caller may see.</summary>
    private sealed record Call<TBody>(CaseOperations Ops, Case Case, TBody Body, OperationActor Actor, Func<string, Task<Case?>> FindVisible);

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

    /// <summary>The roles at the centre's desks: they void and merge (并案).</summary>
    internal static IReadOnlyList<string> DeskRoles { get; } = [HotlineRoles.Operator, HotlineRoles.Dispatcher];

    /// <summary>Maps the five operations under <c>/api/cases/{idOrNumber}</c>.</summary>
    public static IEndpointRouteBuilder MapCaseOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{idOrNumber}").WithTags("Cases");
        var desk = DeskRoles.ToArray();
        string[] dispatch = [HotlineRoles.Dispatcher];
        Map<VoidRequest>(group, "/void", "VoidCase", "作废: voids a test call or a hang-up; its tasks and supervision stop, no reply or callback, no indicator counts it.", desk,
            (call, ct) => call.Ops.VoidAsync(call.Case.Id, call.Body.Reason!, call.Actor, ct));
        Map<MergeRequest>(group, "/merge", "MergeCase", "并案: merges this case into another open case, whose one reply and one callback answer both callers.", desk, MergeAsync);
        Map<ReclassifyRequest>(group, "/reclassify", "ReclassifyCase", "改类: changes the type and/or subject; the deadline is counted again by the category rule and a case its unit has not signed for is routed again.", dispatch,
            (call, ct) => call.Ops.ReclassifyAsync(call.Case.Id, call.Body.Type, call.Body.SubjectCode, call.Body.Reason!, call.Actor, ct));
        Map<ReassignRequest>(group, "/reassign", "ReassignCase", "改派: withdraws the lead unit's open handling task and gives the case to another unit.", dispatch,
            (call, ct) => call.Body.UnitCode is not { Length: > 0 } unit
                ? Task.FromResult(new CaseOperationResult(CaseOperationStatus.Invalid, Field: "unitCode", Message: "Name the unit that takes over."))
                : call.Ops.ReassignAsync(call.Case.Id, unit, call.Actor, call.Body.Reason!, ct));
        Map<ComplexRequest>(group, "/complex", "MarkCaseComplex", "疑难复杂: marks the case difficult or complex; its deadline comes from the complex category (1–15 working days) and the supervision ladder restarts with its one-month step.", dispatch,
            (call, ct) => call.Ops.MarkComplexAsync(call.Case.Id, call.Body.WorkingDays, call.Body.Reason!, call.Actor, ct));
        return app;
    }

    /// <summary>The case to merge into is named by id or number and must be one the caller may see.</summary>
    private static async Task<CaseOperationResult> MergeAsync(Call<MergeRequest> call, CancellationToken ct)
    {
        if (call.Body.IntoCase is not { Length: > 0 } into)
            return new CaseOperationResult(CaseOperationStatus.Invalid, Field: "intoCase", Message: "Name the case to merge into (id or number).");
        return await call.FindVisible(into) is { } target
            ? await call.Ops.MergeAsync(call.Case.Id, target.Id, call.Body.Reason!, call.Actor, ct)
            : new CaseOperationResult(CaseOperationStatus.Invalid, Field: "intoCase", Message: $"No case '{into}' exists that you may see.");
    }

    private static void Map<TBody>(RouteGroupBuilder group, string pattern, string name, string summary, string[] roles,
        Func<Call<TBody>, CancellationToken, Task<CaseOperationResult>> operation)
        where TBody : class, IOperationRequest =>
        group.MapPost(pattern, async (string idOrNumber, HttpRequest request, ClaimsPrincipal user, CaseOperations ops, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBody.ReadAsync<TBody>(request, ct);
                if (problem is not null)
                    return problem;
                await using var db = await contexts.CreateDbContextAsync(ct);
                var @case = await CaseVisibility.FindAsync(db, user, idOrNumber, ct);
                if (@case is null)
                    return CasesApi.NotFound(idOrNumber);
                if (string.IsNullOrWhiteSpace(body!.Reason) || body.Reason.Length > MaxReasonLength)
                    return ApiBody.Invalid("reason", $"Give a reason of 1 to {MaxReasonLength} characters.");
                var call = new Call<TBody>(ops, @case, body, new OperationActor(Caller.Name(user), Caller.DisplayName(user)), other => CaseVisibility.FindAsync(db, user, other, ct));
                var result = await operation(call, ct);
                return result.Status switch
                {
                    CaseOperationStatus.Invalid => ApiBody.Invalid(result.Field ?? "$", result.Message ?? "Not valid."),
                    CaseOperationStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the case's state", detail: result.Message),
                    _ => Results.Ok(CasesApi.CaseView.From(result.Case!, user)),
                };
            })
            .RequireAuthorization(p => p.RequireRole(roles))
            .WithName(name).WithSummary(summary).AcceptsJson<TBody>()
            .Produces<CasesApi.CaseView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
