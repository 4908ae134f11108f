using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Host.Api.OpenApi;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Hotline.Domain.Users;

namespace Hotline.Host.Api;

/// <summary>
/// The task inboxes over HTTP. A unit's user works the unit's inbox (sign for, answer, return, request an extension,
/// sub-dispatch, give an assisting opinion); dispatchers work the centre's desk (dispatch, review returns, extensions
/// and answers); callback agents record callbacks. Every action is checked on the server against the caller's role and
/// unit: another unit's task is answered as not found (404), a task of the wrong kind or in the wrong state with 409
/// and the reason, a missing or bad detail with 400 naming the field. A refused action changes nothing.
/// </summary>
public static class InboxApi
{
    /// <summary>A task as listed.</summary>
    public sealed record TaskView(
        string TaskId, Guid? CaseId, string? CaseNumber, string? UnitCode, InboxTaskKind Kind, string TaskName, InboxTaskStatus Status,
        IReadOnlyList<string> PossibleOutcomes, DateTimeOffset? DueAt, DateTimeOffset? SignDueAt, DateTimeOffset CreatedAt,
        string? SignedBy, DateTimeOffset? SignedAt, string? CompletedBy, DateTimeOffset? CompletedAt, string? Outcome, JsonNode? Payload, JsonNode? Result);

    /// <summary>A page of tasks.</summary>
    /// <param name="Items">The page's tasks.</param>
    /// <param name="Total">How many tasks match, counted up to 10,000 (<see cref="ListTotal.Cap"/>).</param>
    /// <param name="Page">The page, from 1.</param>
    /// <param name="PageSize">The most tasks a page has.</param>
    /// <param name="TotalCapped">Whether more than <paramref name="Total"/> tasks match: counting stops at 10,000.</param>
    public sealed record TaskPage(IReadOnlyList<TaskView> Items, int Total, int Page, int PageSize, bool TotalCapped);

    /// <summary>What an action did: the task as completed and the case afterwards.</summary>
    public sealed record ActionResult(TaskView Task, CasesApi.CaseView? Case);

    /// <summary>A unit's answer (办结).</summary>
    public sealed record AnswerRequest(string? Answer);

    /// <summary>A reason (退单, a refusal).</summary>
    public sealed record ReturnRequest(string? Reason);

    /// <summary>An extension request (延期申请).</summary>
    public sealed record ExtensionRequest(int? Days, string? Reason);

    /// <summary>A sub-dispatch (二级派单) or the desk's dispatch.</summary>
    public sealed record UnitRequest(string? UnitCode, string? Note);

    /// <summary>An assisting unit's opinion (协办意见).</summary>
    public sealed record OpinionRequest(string? Opinion);

    /// <summary>The centre's decision on a return, an extension or an answer.</summary>
    /// <param name="Decision"><c>approve</c> or <c>reject</c>.</param>
    /// <param name="Reason">Why (required to reject).</param>
    /// <param name="UnitCode">The unit a return is re-dispatched to (required to approve a return).</param>
    /// <param name="Days">Working days granted for an extension (default: as requested).</param>
    /// <param name="Text">The reply text for the citizen when approving an answer (default: the unit's answer).</param>
    public sealed record ReviewRequest(string? Decision, string? Reason, string? UnitCode, int? Days, string? Text);

    /// <summary>A callback's result (回访).</summary>
    /// <param name="Result">Satisfied, BasicallySatisfied, Unsatisfied or Unreachable.</param>
    /// <param name="Resolved">Whether the problem was solved (required unless unreachable).</param>
    /// <param name="Note">What the citizen said.</param>
    public sealed record CallbackRequest(string? Result, bool? Resolved, string? Note);

    /// <summary>Maps <c>/api/inbox</c>.</summary>
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/inbox").WithTags("Inbox").WithBoundedValues().RequireAuthorization(p =>
            p.RequireRole(HotlineRoles.Unit, HotlineRoles.Dispatcher, HotlineRoles.CallbackAgent, HotlineRoles.Supervisor, HotlineRoles.Administrator));
        inbox.MapGet("/", ListAsync).WithName("ListInbox")
            .WithSummary("The caller's inbox: a unit user's unit, the dispatch desk for dispatchers, the callback desk for callback agents (others choose with unitCode). Filter by status and kind, sort by dueAt (default), -dueAt or createdAt.")
            .WithQueryParameters(
                new QueryParameter("status", "Which tasks: pending (open or signed for), open, signed, completed, cancelled or all.")
                    { Values = ["pending", "open", "signed", "completed", "cancelled", "all"], Default = "pending" },
                new QueryParameter("kind", "Only tasks of this kind.") { Type = typeof(InboxTaskKind) },
                new QueryParameter("sort", "The order; a leading - reverses it.") { Values = ["dueAt", "-dueAt", "createdAt", "-createdAt"], Default = "dueAt" },
                new QueryParameter("unitCode", "The inbox to read (not for unit users, who read their unit's)."),
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<TaskPage>().ProducesValidationProblem();
        inbox.MapGet("/{taskId}", GetAsync).WithName("GetTask").WithSummary("One task.").Produces<TaskView>().ProducesProblem(StatusCodes.Status404NotFound);
        Action(inbox, "/{taskId}/claim", "ClaimTask", "Signs for a task (签收); the sign-for limit is on the task.", ClaimAsync);
        Action<AnswerRequest>(inbox, "/{taskId}/answer", "AnswerTask", "The unit submits its answer (办结) after its internal review.", InboxTaskKind.Handle, InboxActions.Answer);
        Action<ReturnRequest>(inbox, "/{taskId}/return", "ReturnTask", "The unit returns a mis-routed case (退单) with a reason, within the return window.", InboxTaskKind.Handle, InboxActions.Return);
        Action<ExtensionRequest>(inbox, "/{taskId}/extension", "RequestExtension", "The unit asks for more working days (延期申请), before the deadline.", InboxTaskKind.Handle, InboxActions.Extension);
        Action<UnitRequest>(inbox, "/{taskId}/sub-dispatch", "SubDispatchTask", "The unit passes the case to a subordinate unit (二级派单).", InboxTaskKind.Handle, InboxActions.SubDispatch);
        Action<OpinionRequest>(inbox, "/{taskId}/opinion", "SubmitOpinion", "An assisting unit gives its opinion to the lead unit (协办意见).", InboxTaskKind.Assist, InboxActions.Opinion);
        Action<UnitRequest>(inbox, "/{taskId}/dispatch", "DispatchTask", "A dispatcher chooses the lead unit of a case no routing rule covers.", InboxTaskKind.Dispatch, InboxActions.Dispatch);
        Action<ReviewRequest>(inbox, "/{taskId}/review", "ReviewTask", "The centre approves or rejects a return (退单审核), an extension (延期审核) or an answer (审核办结).", null, InboxActions.Review);
        Action<CallbackRequest>(inbox, "/{taskId}/callback", "RecordCallback", "A callback agent records the citizen's satisfaction and whether the problem was resolved (回访).", InboxTaskKind.Callback, InboxActions.Callback);
        return app;
    }

    /// <summary>The role that acts on a kind of task.</summary>
    internal static string RoleFor(InboxTaskKind kind) => InboxActions.RoleFor(kind);

    private static void Action<TBody>(RouteGroupBuilder group, string pattern, string name, string summary, InboxTaskKind? kind, Func<TBody, (string Outcome, JsonObject Result)> map)
        where TBody : class =>
        group.MapPost(pattern, async (string taskId, HttpRequest request, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBody.ReadAsync<TBody>(request, ct);
                if (problem is not null)
                    return problem;
                return await AnswerAsync(taskId, user, contexts, await InboxActions.CompleteAsync(taskId, user, inbox, contexts, kind, map, body!, ct), ct);
            })
            .WithName(name).WithSummary(summary).AcceptsJson<TBody>()
            .Produces<ActionResult>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static void Action(RouteGroupBuilder group, string pattern, string name, string summary, Func<string, ClaimsPrincipal, InboxService, IDbContextFactory<HotlineDbContext>, CancellationToken, Task<IResult>> handler) =>
        // A lambda, not the delegate itself: the request delegate generator resolves handlers at compile time.
        group.MapPost(pattern, (string taskId, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
                handler(taskId, user, inbox, contexts, ct)).WithName(name).WithSummary(summary)
            .Produces<ActionResult>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ClaimAsync(string taskId, ClaimsPrincipal user, InboxService inbox, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
        await AnswerAsync(taskId, user, contexts, await InboxActions.ClaimAsync(taskId, user, inbox, contexts, ct), ct);

    /// <summary>The HTTP answer of an action: the refusal as a problem, or the task and case afterwards.</summary>
    private static async Task<IResult> AnswerAsync(string taskId, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, InboxActions.Outcome outcome, CancellationToken ct)
    {
        switch (outcome.Status)
        {
            case StatusCodes.Status404NotFound:
                return CasesApi.NotFound(taskId);
            case StatusCodes.Status403Forbidden:
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task", detail: outcome.Detail);
            case StatusCodes.Status409Conflict:
                return Conflict(outcome.Detail!);
            case StatusCodes.Status400BadRequest:
                return ApiBody.Invalid(outcome.Field!, outcome.Detail!);
        }

        await using var read = await contexts.CreateDbContextAsync(ct);
        var after = await read.InboxTasks.AsNoTracking().FirstAsync(t => t.TaskId == taskId, ct);
        var @case = after.CaseId is { } caseId ? await read.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
        return Results.Ok(new ActionResult(View(after, @case?.Number), @case is null ? null : CasesApi.CaseView.From(@case, user)));
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, IOptions<RoutingOptions> routing, CancellationToken ct)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var kind = CasesApi.Enum<InboxTaskKind>(q["kind"], "kind", errors);
        var statusText = q["status"].FirstOrDefault() ?? "pending";
        if (statusText is not ("pending" or "open" or "signed" or "completed" or "cancelled" or "all"))
            errors["status"] = ["'status' is pending (default), open, signed, completed, cancelled or all."];
        var sort = q["sort"].FirstOrDefault() ?? "dueAt";
        if (sort is not ("dueAt" or "-dueAt" or "createdAt" or "-createdAt"))
            errors["sort"] = ["'sort' is dueAt (default), -dueAt, createdAt or -createdAt."];
        var (page, pageSize) = CasesApi.Paging(q, errors);
        string unit;
        if (Caller.IsUnitUser(user))
        {
            unit = Caller.UnitCode(user)!;
            if (q["unitCode"].FirstOrDefault() is { Length: > 0 } asked && asked != unit)
                errors["unitCode"] = ["A unit's user sees the unit's own inbox only."];
        }
        else
        {
            unit = q["unitCode"].FirstOrDefault() is { Length: > 0 } asked ? asked
                : user.IsInRole(HotlineRoles.CallbackAgent) && !user.IsInRole(HotlineRoles.Dispatcher) ? CallbackDeskCode
                : routing.Value.DefaultDispatchUnitCode;
        }

        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Filter(db, user, unit, statusText, kind, sort);
        var total = await ListTotal.OfAsync(query.Matching, ct);
        var tasks = await query.PageAsync(page, pageSize, ct);
        var caseIds = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        // Only the numbers: a whole case row (its JSON columns parsed) per task cost more than the page itself.
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return Results.Ok(new TaskPage(tasks.Select(t => View(t, t.CaseId is { } id ? numbers.GetValueOrDefault(id) : null)).ToList(), total.Count, page, pageSize, total.Capped));
    }

    /// <summary>The tasks of <paramref name="unit"/>'s inbox the caller may list, filtered, and their order (the caller's unit was checked before).</summary>
    internal static InboxQuery Filter(HotlineDbContext db, ClaimsPrincipal user, string unit, string statusText, InboxTaskKind? kind, string sort)
    {
        var query = db.InboxTasks.AsNoTracking().Where(t => t.UnitCode == unit);
        if (Caller.DistrictCode(user) is { } district && !Caller.IsUnitUser(user))
            query = query.Where(t => db.Cases.Any(c => c.Id == t.CaseId && c.DistrictCode == district));
        query = statusText switch
        {
            "pending" => query.Where(InboxTask.Pending),
            "open" => query.Where(t => t.Status == InboxTaskStatus.Open),
            "signed" => query.Where(t => t.Status == InboxTaskStatus.SignedFor),
            "completed" => query.Where(t => t.Status == InboxTaskStatus.Completed),
            "cancelled" => query.Where(t => t.Status == InboxTaskStatus.Cancelled),
            _ => query,
        };
        if (kind is not null)
            query = query.Where(t => t.Kind == kind);
        return new InboxQuery(query, sort);
    }

    private static async Task<IResult> GetAsync(string taskId, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var task = await db.InboxTasks.AsNoTracking().FirstOrDefaultAsync(t => t.TaskId == taskId, ct);
        if (task is null || !await InboxActions.MaySeeAsync(db, user, task, ct))
            return CasesApi.NotFound(taskId);
        var number = task.CaseId is { } id ? await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Number).FirstOrDefaultAsync(ct) : null;
        return Results.Ok(View(task, number));
    }

    /// <summary>The callback desk's inbox code (the centre's 回访 desk).</summary>
    public const string CallbackDeskCode = "RX-HF";

    private static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: detail);

    private static TaskView View(InboxTask t, string? caseNumber) => new(
        t.TaskId, t.CaseId, caseNumber, t.UnitCode, t.Kind, t.TaskName, t.Status, t.PossibleOutcomes, t.DueAt, t.SignDueAt, t.CreatedAt,
        t.SignedBy, t.SignedAt, t.CompletedBy, t.CompletedAt, t.Outcome, t.Payload is null ? null : JsonNode.Parse(t.Payload), t.Result is null ? null : JsonNode.Parse(t.Result));
}
