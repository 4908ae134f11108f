using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Api;
using Hotline.Workbench.Inbox;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Api.InboxApi;

namespace Hotline.Host.Workbench;

/// <summary>
/// The unit's inbox through the inbox API's own code: its list (<see cref="InboxApi.Filter"/>), its checks and actions
/// (<see cref="InboxActions"/> over <see cref="InboxService"/>), and the ladder's warning rule (<see cref="DueWarning"/>).
/// </summary>
internal sealed class WorkbenchInbox(
    IDbContextFactory<HotlineDbContext> contexts, InboxService inbox, CalendarService calendars, TimeProvider clock) : IWorkbenchInbox
{
    public async Task<InboxList> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!Caller.IsUnitUser(user))
            return new([], 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, user, Caller.UnitCode(user)!, "pending", null, "dueAt");
        var total = await query.CountAsync(cancellationToken);
        var tasks = await query.PageAsync(page, pageSize, cancellationToken);
        var caseIds = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, Subject = db.Subjects.Where(s => s.Code == c.SubjectCode).Select(s => s.Name).FirstOrDefault() ?? c.SubjectCode })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var instructions = await LatestInstructions.ReadAsync(db, caseIds, cancellationToken);
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new(tasks.Select(t =>
        {
            var c = t.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            var signing = t.Status == InboxTaskStatus.Open && t.SignDueAt is not null;
            var to = signing ? t.SignDueAt : t.DueAt;
            var given = t.CaseId is { } caseId && instructions.TryGetValue(caseId, out var latest) && latest.UnitCode == t.UnitCode ? latest.Instruction : null;
            return new InboxRow(t.TaskId, c?.Number, t.Kind, t.TaskName, t.Status, c?.Subject, to, signing, DueWarning.At(calendar, to, now), given);
        }).ToList(), total);
    }

    public async Task<IReadOnlyList<UnitChoice>> SubordinateUnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Caller.IsUnitUser(user))
            return [];
        var unit = Caller.UnitCode(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HandlingUnits.AsNoTracking().Where(u => u.ParentCode == unit && u.IsActive).OrderBy(u => u.Code)
            .Select(u => new UnitChoice(u.Code, u.Name)).ToListAsync(cancellationToken);
    }

    public async Task<string?> ActAsync(ClaimsPrincipal user, string taskId, InboxCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = command.Verb switch
        {
            InboxVerb.Sign => await InboxActions.ClaimAsync(taskId, user, inbox, contexts, cancellationToken),
            InboxVerb.Answer => await Complete(InboxActions.Answer, new AnswerRequest(command.Text)),
            InboxVerb.Return => await Complete(InboxActions.Return, new ReturnRequest(command.Text)),
            InboxVerb.Extension => await Complete(InboxActions.Extension, new ExtensionRequest(command.Days, command.Text)),
            InboxVerb.SubDispatch => await Complete(InboxActions.SubDispatch, new UnitRequest(command.UnitCode, command.Text)),
            InboxVerb.Opinion => await CompleteAs(InboxTaskKind.Assist, InboxActions.Opinion, new OpinionRequest(command.Text)),
            InboxVerb.Report => await CompleteAs(InboxTaskKind.ProgressReport, InboxActions.Report, command.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Verb, "Not an inbox action."),
        };
        return InboxOutcomeWords.Of(outcome, "taskNotFound", "notYourTask");

        Task<InboxActions.Outcome> Complete<TBody>(Func<TBody, (string, System.Text.Json.Nodes.JsonObject)> map, TBody body) =>
            CompleteAs(InboxTaskKind.Handle, map, body);

        Task<InboxActions.Outcome> CompleteAs<TBody>(InboxTaskKind kind, Func<TBody, (string, System.Text.Json.Nodes.JsonObject)> map, TBody body) =>
            InboxActions.CompleteAsync(taskId, user, inbox, contexts, kind, map, body, cancellationToken);
    }
}
