using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Privacy;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Inbox;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Dispatch;
using Hotline.Workbench.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Hotline.Host.Api.CaseOperationsApi;
using static Hotline.Host.Api.InboxApi;

namespace Hotline.Host.Workbench;

/// <summary>
/// The dispatch desk through the APIs' own code: the desk's inbox as <see cref="InboxApi.Filter"/> lists it (a district
/// dispatcher's district only), its actions through <see cref="InboxActions"/> (the review's map shared with
/// <c>/api/inbox/{id}/review</c>), the case operations through <see cref="CaseOperationCalls"/>, the warning rule
/// (<see cref="DueWarning"/>) and the working-day calendar for an extension's new deadline (<see cref="DeadlineCounting.Extend"/>).
/// </summary>
internal sealed class WorkbenchDispatch(
    IDbContextFactory<HotlineDbContext> contexts, InboxService inbox, CaseOperations operations, CalendarService calendars,
    IOptions<RoutingOptions> routing, TimeProvider clock) : IWorkbenchDispatch
{
    public async Task<DispatchList> ListAsync(ClaimsPrincipal user, InboxTaskKind kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.Dispatcher) || !DeskTabs.All.Contains(kind))
            return new([], 0, DeskTabs.All.ToDictionary(k => k, _ => 0));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var desk = routing.Value.DefaultDispatchUnitCode;
        var counts = await Filter(db, user, desk, "pending", null, "dueAt").Matching.GroupBy(t => t.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = Filter(db, user, desk, "pending", kind, "dueAt");
        var tasks = await query.PageAsync(page, pageSize, cancellationToken);
        var rows = await DeskRowsAsync(db, user, tasks, cancellationToken);
        return new(rows, counts.GetValueOrDefault(kind), DeskTabs.All.ToDictionary(k => k, k => counts.GetValueOrDefault(k)));
    }

    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Caller.IsCentre(user))
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HandlingUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Code)
            .Select(u => new UnitChoice(u.Code, u.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnitChoice>> SubjectsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Caller.IsCentre(user))
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Subjects.AsNoTracking().OrderBy(s => s.Code).Select(s => new UnitChoice(s.Code, s.Name)).ToListAsync(cancellationToken);
    }

    public IReadOnlyList<CaseVerb> VerbsFor(ClaimsPrincipal user) =>
        Enum.GetValues<CaseVerb>().Where(v => CaseOperationCalls.MayAsk(user, RolesOf(v))).ToList();

    public async Task<string?> ActAsync(ClaimsPrincipal user, string taskId, DeskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = command.Verb switch
        {
            DeskVerb.Dispatch => await InboxActions.CompleteAsync(taskId, user, inbox, contexts, InboxTaskKind.Dispatch, InboxActions.Dispatch,
                new UnitRequest(command.UnitCode, command.Text), cancellationToken),
            DeskVerb.Approve => await Review(new ReviewRequest("approve", null, command.UnitCode, command.Days, command.Text)),
            DeskVerb.Reject => await Review(new ReviewRequest("reject", command.Text, null, null, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Verb, "Not a desk action."),
        };
        return InboxOutcomeWords.Of(outcome, "deskTaskNotFound", "deskNotYourTask");

        Task<InboxActions.Outcome> Review(ReviewRequest body) =>
            InboxActions.CompleteAsync(taskId, user, inbox, contexts, null, InboxActions.Review, body, cancellationToken);
    }

    public async Task<string?> OperateAsync(ClaimsPrincipal user, string caseNumber, CaseCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = command.Verb switch
        {
            CaseVerb.Void => await Run(new VoidRequest(command.Reason), CaseOperationCalls.Void),
            CaseVerb.Merge => await Run(new MergeRequest(command.Code, command.Reason), CaseOperationCalls.Merge),
            CaseVerb.Reclassify => await Run(new ReclassifyRequest(command.Type, Blank(command.Code), command.Reason), CaseOperationCalls.Reclassify),
            CaseVerb.Reassign => await Run(new ReassignRequest(command.Code, command.Reason), CaseOperationCalls.Reassign),
            CaseVerb.Complex => await Run(new ComplexRequest(command.Reason, command.Days), CaseOperationCalls.Complex),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Verb, "Not a case operation."),
        };
        if (outcome.NotFound)
            return Hotline.Workbench.Shared.Texts.T("deskCaseNotFound");
        return outcome.Result!.Status == CaseOperationStatus.Done ? null : outcome.Result.Message ?? outcome.Result.Field;

        Task<CaseOperationCalls.Outcome> Run<TBody>(TBody body, CaseOperationCalls.Operation<TBody> operation)
            where TBody : IOperationRequest =>
            CaseOperationCalls.RunAsync(caseNumber, body, user, operation, operations, contexts, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static IReadOnlyList<string> RolesOf(CaseVerb verb) => verb switch
    {
        CaseVerb.Void => CaseOperationCalls.Void.Roles,
        CaseVerb.Merge => CaseOperationCalls.Merge.Roles,
        CaseVerb.Reclassify => CaseOperationCalls.Reclassify.Roles,
        CaseVerb.Reassign => CaseOperationCalls.Reassign.Roles,
        _ => CaseOperationCalls.Complex.Roles,
    };

    /// <summary>The desk's tasks with their cases' facts (what the caller said as <paramref name="user"/> may see it), the names of subjects and units, and what the unit said.</summary>
    private async Task<IReadOnlyList<DeskRow>> DeskRowsAsync(HotlineDbContext db, ClaimsPrincipal user, IReadOnlyList<InboxTask> tasks, CancellationToken cancellationToken)
    {
        var caseIds = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var payloads = tasks.ToDictionary(t => t.TaskId, t => t.Payload is null ? null : JsonNode.Parse(t.Payload) as JsonObject);
        var names = await ReferenceNames.ReadAsync(db, cases.Values.Select(c => c.SubjectCode),
            payloads.Values.Select(p => Text(p, "returnedBy")).Concat(cases.Values.Select(c => c.LeadUnitCode)), cases.Values.Select(c => c.DistrictCode), cancellationToken);
        var returns = await ReturnReasonsAsync(db, tasks.Where(t => t.Kind == InboxTaskKind.ReviewReturn && t.CaseId is not null).Select(t => t.CaseId!.Value).ToList(), cancellationToken);
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return tasks.Select(t =>
        {
            var c = t.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            var payload = payloads[t.TaskId];
            var unit = Text(payload, "returnedBy") ?? c?.LeadUnitCode;
            var said = t.Kind switch
            {
                InboxTaskKind.ReviewReturn => c is null ? null : returns.GetValueOrDefault(c.Id),
                InboxTaskKind.ReviewAnswer => Text(payload, "answer"),
                InboxTaskKind.ReviewExtension => Text(payload, "reason"),
                _ => null,
            };
            var days = t.Kind == InboxTaskKind.ReviewExtension && payload?["requestedDays"] is JsonValue v && v.TryGetValue<int>(out var d) ? d : (int?)null;
            var extended = days is { } n && c?.DeadlineAt is { } current ? DeadlineCounting.Extend(calendar, current, n).Value : (DateTimeOffset?)null;
            var to = t.DueAt ?? t.SignDueAt;
            return new DeskRow(
                t.TaskId, t.Kind, c?.Number, PhoneVisibilityPolicy.ShowText(c?.Content, c?.CitizenPhone, user), names.Subject(c?.SubjectCode),
                names.District(c?.DistrictCode), PhoneVisibilityPolicy.ShowText(c?.Address, c?.CitizenPhone, user),
                t.CreatedAt, to, DueWarning.At(calendar, to, now), names.Unit(unit), said,
                days, c?.DeadlineAt, extended);
        }).ToList();
    }

    /// <summary>Each case's latest return reason (the unit's own words in its <see cref="CaseEventKind.Returned"/> event).</summary>
    private static async Task<Dictionary<Guid, string?>> ReturnReasonsAsync(HotlineDbContext db, List<Guid> caseIds, CancellationToken cancellationToken)
    {
        var events = await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.Kind == CaseEventKind.Returned)
            .Select(e => new { e.CaseId, e.Sequence, e.Data }).ToListAsync(cancellationToken);
        return events.GroupBy(e => e.CaseId).ToDictionary(
            g => g.Key, g => CaseEventData.Read<TaskOutcomeData>(g.MaxBy(e => e.Sequence)!.Data)?.ResultText("reason"));
    }

    private static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
