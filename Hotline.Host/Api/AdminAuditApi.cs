using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Domain.Calendar;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>The audit log for administrators (<c>GET /api/admin/audit</c>): newest first, filtered and paged.</summary>
public static class AdminAuditApi
{
    /// <summary>One audit row.</summary>
    /// <param name="Id">Its id.</param>
    /// <param name="At">When.</param>
    /// <param name="Actor">Who (a login name or an integrator's name).</param>
    /// <param name="Action">What (user.updated, user.disabled, user.enabled, user.password-reset, user.password-changed, definition.published, instance.deleted, case.phone-viewed).</param>
    /// <param name="EntityType">The kind of record (UserAccount, WorkflowDefinition, Case).</param>
    /// <param name="EntityId">The record's id.</param>
    /// <param name="Before">The record before, when there is one.</param>
    /// <param name="After">The record after, when there is one.</param>
    public sealed record AuditEntryView(Guid Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, JsonNode? Before, JsonNode? After);

    /// <summary>A page of audit rows.</summary>
    /// <param name="Items">The rows, newest first.</param>
    /// <param name="Total">Rows matching the filters.</param>
    /// <param name="Page">The page, from 1.</param>
    /// <param name="PageSize">Rows per page.</param>
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Total, int Page, int PageSize);

    /// <summary>Maps <c>/api/admin/audit</c>.</summary>
    public static IEndpointRouteBuilder MapAdminAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", ListAsync).WithTags("Administration").WithBoundedValues()
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator))
            .WithName("AdminListAudit").WithSummary("The audit log, newest first, filtered and paged.")
            .WithQueryParameters(
                new QueryParameter("entityType", "Only rows about this kind of record (UserAccount, WorkflowDefinition, Case)."),
                new QueryParameter("entityId", "Only rows about this record (a login name, a definition id, a case number)."),
                new QueryParameter("actor", "Only rows of this actor."),
                QueryParameter.Date("from", "On or after this local date."),
                QueryParameter.Date("to", "On or before this local date (not before from)."),
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<AuditPage>();
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HotlineDbContext db, CalendarService calendars, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var from = InputLimits.Date(q["from"], "from", errors);
        var to = InputLimits.Date(q["to"], "to", errors);
        var (page, pageSize) = CasesApi.Paging(q, errors);
        var filter = new AuditFilter(q["entityType"].FirstOrDefault(), q["entityId"].FirstOrDefault(), q["actor"].FirstOrDefault(), from, to);
        filter.Check(errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");

        var (rows, total) = await AuditQuery.ListAsync(db, calendars, filter, page, pageSize, cancellationToken);
        return Results.Ok(new AuditPage([.. rows.Select(e => new AuditEntryView(e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityId,
            e.Before is null ? null : JsonNode.Parse(e.Before), e.After is null ? null : JsonNode.Parse(e.After)))], total, page, pageSize));
    }
}
