using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Host.Api.OpenApi;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;
using Hotline.Domain.Users;
using Hotline.Domain.Privacy;
using Hotline.Domain.Audit;
using Hotline.Domain.Search;

namespace Hotline.Host.Api;

/// <summary>
/// Cases over HTTP: integrators and operators create them, every role reads what it may see
/// (<see cref="CaseVisibility"/>): the city centre's staff every case, a sub-centre's staff their district's, a unit's
/// user the cases its unit leads or led or was given a task for, an integrator the cases it submitted. A case the caller may
/// not see is answered exactly like one that does not exist (404).
/// Telephone numbers are masked unless the caller's role may see them.
/// </summary>
public static class CasesApi
{
    /// <summary>
    /// The answer to a search by a caller's number from a role that sees numbers masked (<see cref="PhoneVisibilityPolicy"/>):
    /// it may not learn whose number has cases, here or in the duplicate candidates.
    /// </summary>
    internal static IResult TelephoneSearchRefused() => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Telephone search is not allowed",
        detail: "Your role sees callers' numbers masked, so it may not search by telephone number.");

    /// <summary>A case as listed.</summary>
    public sealed record CaseView(
        Guid Id, string Number, CaseChannel Channel, CaseType Type, string? SubjectCode, string Content, string? CitizenName, string? CitizenPhone,
        string? Address, string? DistrictCode, CaseUrgency Urgency, CaseStatus Status, WarningLevel Warning, int EscalationLevel,
        string? LeadUnitCode, IReadOnlyList<string> AssistingUnitCodes, DateTimeOffset? DeadlineAt, bool DeadlineProvisional,
        DeadlineRuleSnapshot? DeadlineRule, int ReopenCount, bool ExtensionPending, IReadOnlyList<Guid> LinkedCaseIds,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt, bool IsComplex, Guid? MergedIntoCaseId)
    {
        internal static CaseView From(Case c, ClaimsPrincipal user) => new(
            c.Id, c.Number, c.Channel, c.Type, c.SubjectCode, PhoneVisibilityPolicy.ShowText(c.Content, c.CitizenPhone, user)!, c.CitizenName,
            PhoneVisibilityPolicy.Show(c.CitizenPhone, user), PhoneVisibilityPolicy.ShowText(c.Address, c.CitizenPhone, user), c.DistrictCode, c.Urgency, c.Status, c.Warning, c.EscalationLevel, c.LeadUnitCode, c.AssistingUnitCodes, c.DeadlineAt,
            c.IsDeadlineProvisional, c.DeadlineRule, c.ReopenCount, c.ExtensionPending, c.LinkedCaseIds, c.CreatedAt, c.UpdatedAt, c.ClosedAt,
            c.IsComplex, c.MergedIntoCaseId);
    }

    /// <summary>One timeline event.</summary>
    public sealed record TimelineEntry(int Sequence, DateTimeOffset At, CaseEventKind Kind, CaseActorKind ActorKind, string? ActorId, string ActorName, JsonNode? Data);

    /// <summary>A pending task of the case.</summary>
    public sealed record PendingTask(string TaskId, string? UnitCode, Hotline.Domain.Inbox.InboxTaskKind Kind, string TaskName, Hotline.Domain.Inbox.InboxTaskStatus Status, DateTimeOffset? DueAt, DateTimeOffset? SignDueAt);

    /// <summary>A case with its timeline and pending tasks.</summary>
    /// <param name="Case">The case.</param>
    /// <param name="Timeline">Its events.</param>
    /// <param name="PendingTasks">Its open tasks (a unit user's own only).</param>
    /// <param name="Deliveries">Every try at delivering its notices by e-mail and text message (addresses masked).</param>
    public sealed record CaseDetail(CaseView Case, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<PendingTask> PendingTasks, IReadOnlyList<Hotline.Domain.Outbox.DeliveryLogEntry> Deliveries);

    /// <summary>A page of cases.</summary>
    /// <param name="Items">The page's cases.</param>
    /// <param name="Total">How many cases match, counted up to 10,000 (<see cref="ListTotal.Cap"/>).</param>
    /// <param name="Page">The page, from 1.</param>
    /// <param name="PageSize">The most cases a page has.</param>
    /// <param name="TotalCapped">Whether more than <paramref name="Total"/> cases match: counting stops at 10,000 (filter to narrow the list).</param>
    public sealed record CasePage(IReadOnlyList<CaseView> Items, int Total, int Page, int PageSize, bool TotalCapped);

    /// <summary>The roles that register cases.</summary>
    internal static IReadOnlyList<string> IntakeRoles { get; } = [HotlineRoles.Integrator, HotlineRoles.Operator, HotlineRoles.Administrator];

    /// <summary>Maps <c>/api/cases</c> and <c>/api/escalations</c>.</summary>
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").WithBoundedValues();
        cases.MapPost("/", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(IntakeRoles))
            .WithName("CreateCase")
            .WithSummary("Registers a citizen's request and starts its lifecycle. Idempotent with an Idempotency-Key header.")
            .AcceptsJson<CaseIntakeRequest>()
            .WithIdempotencyKey("A repeat with the same key and the same body registers nothing and answers 200 with the case the first request registered; the same key with another body answers 422.")
            .Produces<CaseView>(StatusCodes.Status201Created).Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/{idOrNumber}", GetAsync).RequireAuthorization()
            .WithName("GetCase").WithSummary("A case with its timeline, current deadline and pending tasks.")
            .Produces<CaseDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/", ListAsync).RequireAuthorization()
            .WithName("ListCases").WithSummary("Cases the caller may see, newest first (best match first with q), with filters and paging.")
            .WithQueryParameters(
                new QueryParameter("status", "Only cases in this status.") { Type = typeof(CaseStatus) },
                new QueryParameter("type", "Only cases of this type.") { Type = typeof(CaseType) },
                new QueryParameter("channel", "Only cases that came in through this channel.") { Type = typeof(CaseChannel) },
                new QueryParameter("subjectCode", "Only cases of this subject (诉求分类)."),
                new QueryParameter("districtCode", "Only cases in this district."),
                new QueryParameter("unitCode", "Only cases this unit leads."),
                QueryParameter.Date("from", "Registered on or after this local date."),
                QueryParameter.Date("to", "Registered on or before this local date (not before from)."),
                new QueryParameter("overdue", "true: only open cases past their deadline.") { Type = typeof(bool) },
                new QueryParameter("phone", "Only cases of this caller, by the full number (roles that may see full numbers only).") { MaxLength = 32 },
                new QueryParameter("q", "Words in the content or address (Chinese is cut into words); ordered by relevance.") { MaxLength = SearchQuery.MaxLength },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<CasePage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/escalations", EscalationsAsync)
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Supervisor, HotlineRoles.Leader, HotlineRoles.Dispatcher, HotlineRoles.Administrator))
            .WithTags("Cases").WithName("ListEscalations")
            .WithSummary("Open cases on the supervision ladder at or above a level (1 letter to the unit head, 2 the 13710 track, 3 a leader), highest first.")
            .WithQueryParameters(new QueryParameter("level", "The lowest ladder level listed.") { Type = typeof(int), Minimum = 1, Maximum = 3, Default = "1" },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<CasePage>().ProducesValidationProblem()
            .WithBoundedValues();
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, CaseIntake intake, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<CaseIntakeRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await intake.StartAsync(body!, IntakeCallerOf(user), key, cancellationToken);
        return result.Outcome switch
        {
            CaseIntakeOutcome.Invalid => Results.ValidationProblem(result.Errors.ToDictionary(), title: "The case is not valid."),
            CaseIntakeOutcome.KeyReused => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used for a different request; use a new key for a new case."),
            CaseIntakeOutcome.Replayed => Results.Ok(CaseView.From(result.Case!, user)),
            _ => Results.Created($"/api/cases/{result.Case!.Number}", CaseView.From(result.Case, user)),
        };
    }

    /// <summary>Who registers a case: the user's name (the case's submitter) and the district a sub-centre's user is confined to.</summary>
    internal static IntakeCaller IntakeCallerOf(ClaimsPrincipal user) => new(Caller.Name(user), Caller.DistrictCode(user));

    private static async Task<IResult> GetAsync(string idOrNumber, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, AuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DetailAsync(db, user, idOrNumber, audit, cancellationToken) is { } detail ? Results.Ok(detail) : NotFound(idOrNumber);
    }

    /// <summary>
    /// The case as <paramref name="user"/> may see it, with its timeline and pending tasks (a unit user's own tasks only);
    /// null when the case is not there or not theirs to see. A full telephone number shown is audited.
    /// </summary>
    internal static async Task<CaseDetail?> DetailAsync(HotlineDbContext db, ClaimsPrincipal user, string idOrNumber, AuditLog audit, CancellationToken cancellationToken)
    {
        var @case = await CaseVisibility.FindAsync(db, user, idOrNumber, cancellationToken);
        if (@case is null)
            return null;

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var tasks = await db.InboxTasks.AsNoTracking()
            .Where(t => t.CaseId == @case.Id && (t.Status == Hotline.Domain.Inbox.InboxTaskStatus.Open || t.Status == Hotline.Domain.Inbox.InboxTaskStatus.SignedFor))
            .ToListAsync(cancellationToken);
        var unit = Caller.IsUnitUser(user) ? Caller.UnitCode(user) : null;
        await AuditPhoneShownAsync(user, @case, audit, cancellationToken);
        return new CaseDetail(
            CaseView.From(@case, user),
            events.Select(e => new TimelineEntry(e.Sequence, e.At, e.Kind, e.ActorKind, e.ActorId, e.ActorName, e.Data is null ? null : JsonNode.Parse(e.Data))).ToList(),
            tasks.Where(t => unit is null || t.UnitCode == unit).OrderBy(t => t.CreatedAt)
                .Select(t => new PendingTask(t.TaskId, t.UnitCode, t.Kind, t.TaskName, t.Status, t.DueAt, t.SignDueAt)).ToList(),
            await Hotline.Domain.Outbox.DeliveryLog.OfCaseAsync(db, @case.Id, cancellationToken));
    }

    /// <summary>
    /// Keeps who saw a citizen's full number (<see cref="PhoneVisibilityPolicy"/>): one audit row per view that showed it
    /// (the number itself is not copied); nothing when the number is masked or missing.
    /// </summary>
    internal static async Task AuditPhoneShownAsync(ClaimsPrincipal user, Case @case, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(@case.CitizenPhone) && PhoneVisibilityPolicy.CanSeeFullNumber(user))
            await audit.RecordAndSaveAsync(Caller.Name(user), AuditActions.PhoneViewed, AuditEntityTypes.Case, @case.Number, null, new { caseId = @case.Id }, cancellationToken);
    }

    /// <summary>
    /// The cases of <paramref name="query"/> that <paramref name="user"/> may see (<see cref="CaseVisibility"/>), newest
    /// first, or best match first when there are search terms.
    /// </summary>
    internal static async Task<VisibleCases> VisibleInOrderAsync(HotlineDbContext db, ClaimsPrincipal user, IQueryable<Case> query, IReadOnlyList<string>? terms, CancellationToken cancellationToken)
    {
        if (terms is null)
            return new VisibleCases(CaseVisibility.NewestFirst(db, user, query), ct => CaseVisibility.TotalAsync(db, user, query, ct), db.Cases.AsNoTracking());
        var ranked = await CaseSearch.RankAsync(db, CaseVisibility.Filter(db, user, query), terms, cancellationToken);
        return new VisibleCases(ranked, ct => ListTotal.OfAsync(ranked, ct), db.Cases.AsNoTracking());
    }

    /// <summary>
    /// The cases a list shows, in its order, and how to count them up to <see cref="ListTotal.Cap"/> (the count may read
    /// less than the page's query);
    /// <paramref name="Rows"/> is the table a page's rows are read from by key.
    /// </summary>
    internal sealed record VisibleCases(IQueryable<Case> Ordered, Func<CancellationToken, Task<ListTotal>> TotalAsync, IQueryable<Case> Rows)
    {
        /// <summary>
        /// The cases of page <paramref name="page"/>, in order: their ids from the ordered query, which an index answers
        /// alone, then their rows by key. Asked for whole rows, PostgreSQL walked every case newest first for the overdue
        /// list (33 ms at a million cases) instead of the index of open cases it uses for the ids (1.3 ms).
        /// </summary>
        public async Task<List<Case>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
        {
            var ids = await Ordered.Select(c => c.Id).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
                return [];
            var rows = await Rows.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            // A case erased between the two reads is left out.
            return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        }
    }

    /// <summary>The cases of the caller with <paramref name="digits"/> (as <see cref="Phone"/> gives them).</summary>
    internal static IQueryable<Case> OfCaller(IQueryable<Case> query, string digits) => query.Where(c => c.CitizenPhone == digits);

    /// <summary>The telephone filter: its digits as cases store them, and whether the caller's role may search by number.</summary>
    internal static (string? Digits, bool Allowed)? Phone(string? text, ClaimsPrincipal user, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (PhoneNumbers.ParseTyped(text) is not { } digits)
        {
            errors["phone"] = [PhoneNumbers.TypedRule];
            return null;
        }

        return (digits, PhoneVisibilityPolicy.CanSeeFullNumber(user));
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, TimeProvider clock, ChineseSegmenter segmenter,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var filter = CaseListFilter.Parse(name => q[name].FirstOrDefault(), errors);
        var (page, pageSize) = Paging(q, errors);
        var phone = Phone(q["phone"], user, errors);
        var terms = SearchQuery.Terms(q["q"], segmenter, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        if (phone is { Allowed: false })
            return TelephoneSearchRefused();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = await filter.ApplyAsync(db.Cases.AsNoTracking(), calendars, clock, cancellationToken);
        if (phone?.Digits is { } digits)
            query = OfCaller(query, digits);

        var visible = await VisibleInOrderAsync(db, user, query, terms, cancellationToken);
        var total = await visible.TotalAsync(cancellationToken);
        var items = await visible.PageAsync(page, pageSize, cancellationToken);
        return Results.Ok(new CasePage(items.Select(c => CaseView.From(c, user)).ToList(), total.Count, page, pageSize, total.Capped));
    }

    private static async Task<IResult> EscalationsAsync(HttpRequest request, ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var level = 1;
        if (request.Query["level"].FirstOrDefault() is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out level) || level is < 1 or > 3))
            errors["level"] = ["'level' is 1, 2 or 3."];
        var (page, pageSize) = Paging(request.Query, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Supervised(db, user).Where(c => c.EscalationLevel >= level);
        return Results.Ok(await PageAsync(query, user, page, pageSize, cancellationToken));
    }

    /// <summary>
    /// The open cases <paramref name="user"/> may see, in the ladder's order: highest level first, then the earliest
    /// deadline (the escalations list and the supervision board).
    /// </summary>
    internal static IOrderedQueryable<Case> Supervised(HotlineDbContext db, ClaimsPrincipal user) =>
        CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Where(Case.Open)
            .OrderByDescending(c => c.EscalationLevel).ThenBy(c => c.DeadlineAt).ThenBy(c => c.Id);

    internal static async Task<CasePage> PageAsync(IQueryable<Case> query, ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await ListTotal.OfAsync(query, cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CasePage(items.Select(c => CaseView.From(c, user)).ToList(), total.Count, page, pageSize, total.Capped);
    }

    internal static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"'{what}' does not exist or is not yours to see.");

    internal static (int Page, int PageSize) Paging(IQueryCollection q, Dictionary<string, string[]> errors)
    {
        var page = 1;
        var pageSize = 20;
        if (q["page"].FirstOrDefault() is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > InputLimits.MaxPage))
            errors["page"] = [$"'page' is a whole number from 1 to {InputLimits.MaxPage}."];
        if (q["pageSize"].FirstOrDefault() is { } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
            errors["pageSize"] = ["'pageSize' is from 1 to 100."];
        return (Math.Clamp(page, 1, InputLimits.MaxPage), Math.Clamp(pageSize, 1, 100));
    }

    internal static T? Enum<T>(Microsoft.Extensions.Primitives.StringValues value, string field, Dictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (value.FirstOrDefault() is not { Length: > 0 } text)
            return null;
        if (Hotline.Domain.EnumNames.TryParse<T>(text, out var parsed))
            return parsed;
        errors[field] = [$"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}."];
        return null;
    }

    /// <summary>The moments (UTC) where the hotline's local day <paramref name="from"/> starts and the day after <paramref name="to"/> starts.</summary>
    internal static async Task<(DateTimeOffset? Start, DateTimeOffset? End)> DayRangeAsync(CalendarService calendars, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        return (from is { } f ? calendar.Hours.ToMoment(f, TimeSpan.Zero).ToUniversalTime() : null,
            to is { } t ? calendar.Hours.ToMoment(t.AddDays(1), TimeSpan.Zero).ToUniversalTime() : null);
    }

    internal static bool? Bool(Microsoft.Extensions.Primitives.StringValues value, string field, Dictionary<string, string[]> errors)
    {
        if (value.FirstOrDefault() is not { Length: > 0 } text)
            return null;
        if (bool.TryParse(text, out var b))
            return b;
        errors[field] = [$"'{text}' is not true or false."];
        return null;
    }
}
