using System.Security.Claims;
using Hotline.Domain.Audit;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Quality;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Quality;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The quality desk (三查 查工单) through the inbox's own code: the desk's list (<see cref="InboxApi.Filter"/> on
/// <see cref="QualityChecklist.DeskCode"/>), the check (<see cref="InboxActions.Quality"/> with the inbox's checks: the
/// supervisor's role, the case's visibility), the number as <see cref="Hotline.Domain.Privacy.PhoneVisibilityPolicy"/>
/// shows it. What the citizen was told is the case's last reply, the callback's result its last closing.
/// </summary>
internal sealed class WorkbenchQuality(IDbContextFactory<HotlineDbContext> contexts, InboxService inbox, AuditLog audit) : IWorkbenchQuality
{
    public async Task<QualityDesk> ListAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.Supervisor))
            return new([], 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = InboxApi.Filter(db, user, QualityChecklist.DeskCode, "pending", InboxTaskKind.QualityCheck, "createdAt");
        var total = await query.CountAsync(cancellationToken);
        var tasks = await query.PageAsync(page, pageSize, cancellationToken);
        var caseIds = tasks.Where(t => t.CaseId is not null).Select(t => t.CaseId!.Value).Distinct().ToList();
        var cases = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, cases.Values.Select(c => c.SubjectCode), cases.Values.Select(c => c.LeadUnitCode), [], cancellationToken);
        var events = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && (e.Kind == CaseEventKind.Replied || e.Kind == CaseEventKind.Closed))
            .ToListAsync(cancellationToken)).GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        foreach (var c in cases.Values)
            await CasesApi.AuditPhoneShownAsync(user, c, audit, cancellationToken);
        var rows = tasks.Select(t =>
        {
            var c = t.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            var timeline = c is null ? [] : events.GetValueOrDefault(c.Id) ?? [];
            return new QualityRow(
                t.TaskId, c?.Number, c?.Type, names.Subject(c?.SubjectCode), c?.CitizenName,
                c is null ? null : Hotline.Domain.Privacy.PhoneVisibilityPolicy.Show(c.CitizenPhone, user),
                Hotline.Domain.Privacy.PhoneVisibilityPolicy.ShowText(c?.Content, c?.CitizenPhone, user), names.Unit(c?.LeadUnitCode),
                Last<RepliedData>(timeline, CaseEventKind.Replied)?.Text, Last<ClosedData>(timeline, CaseEventKind.Closed)?.Result, c?.ClosedAt);
        }).ToList();
        return new(rows, total);
    }

    public async Task<QualityAnswer> CheckAsync(ClaimsPrincipal user, string taskId, QualityCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var checklist = new QualityChecklist(command.ClassificationRight, command.AnswerComplete, command.HandledProperly,
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim());
        var outcome = await InboxActions.CompleteAsync(taskId, user, inbox, contexts, InboxTaskKind.QualityCheck, InboxActions.Quality, checklist, cancellationToken);
        if (InboxOutcomeWords.Of(outcome, "qualityNotFound", "qualityNotYours") is { } refused)
            return new(refused);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = await db.InboxTasks.AsNoTracking().Where(t => t.TaskId == taskId)
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (_, c) => (CaseStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        return new(null, status);
    }

    private static T? Last<T>(List<CaseEvent> timeline, CaseEventKind kind) where T : class =>
        timeline.LastOrDefault(e => e.Kind == kind) is { } e ? CaseEventData.Read<T>(e.Data) : null;
}
