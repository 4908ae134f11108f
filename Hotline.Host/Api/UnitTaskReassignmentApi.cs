using System.Security.Claims;
using Hotline.Domain.Audit;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// The explicit request that lets a unit with open work be deactivated or moved: <c>POST
/// /api/admin/units/{code}/reassign-tasks</c> moves every case whose handling task waits at the unit to another unit,
/// each through the case's own reassign step (改派, <see cref="CaseOperations.ReassignAsync"/>: the timeline says who
/// and why, the new unit's inbox gets the task), and answers which cases moved and which could not, with the reason.
/// </summary>
public static class UnitTaskReassignmentApi
{
    /// <summary>Where the work goes, and why.</summary>
    /// <param name="ToUnitCode">An active unit other than this one.</param>
    /// <param name="Reason">Why (kept on each case's timeline), 1 to 500 characters.</param>
    public sealed record ReassignTasksRequest(string? ToUnitCode, string? Reason);

    /// <summary>A case that stayed, and why.</summary>
    public sealed record CaseNotMoved(string Number, string Reason);

    /// <summary>What the reassignment did.</summary>
    /// <param name="Moved">The numbers of the cases now at the new unit.</param>
    /// <param name="NotMoved">Cases that could not be moved, with the reason (e.g. an extension awaiting review).</param>
    /// <param name="OpenTasksLeft">Open tasks still at the unit (assisting opinions, tasks that could not move): while any is left, deactivating it is refused.</param>
    public sealed record ReassignTasksResult(IReadOnlyList<string> Moved, IReadOnlyList<CaseNotMoved> NotMoved, int OpenTasksLeft);

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapUnitTaskReassignmentApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/units/{code}/reassign-tasks", ReassignAsync)
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .WithTags("Reference data").WithName("AdminReassignUnitTasks")
            .WithSummary("Moves the cases whose handling task waits at this unit to another unit (改派), so that the unit can be deactivated or moved; says which cases moved and which could not.")
            .AcceptsJson<ReassignTasksRequest>()
            .Produces<ReassignTasksResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithBoundedValues();
        return app;
    }

    private static async Task<IResult> ReassignAsync(string code, HttpRequest request, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts,
        CaseOperations operations, AuditLog audit, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<ReassignTasksRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var outcome = await UnitTaskReassignment.ReassignAsync(code, body!, user, contexts, operations, audit, cancellationToken);
        if (outcome.NotFound)
            return ChangeResults.NotFound($"There is no unit '{code}'.");
        return outcome.Errors is { } errors ? Results.ValidationProblem(errors, title: "The reassignment is not valid.") : Results.Ok(outcome.Result);
    }
}
