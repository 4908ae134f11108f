using Hotline.Domain.Privacy;
using Hotline.Domain.Notifications;
using System.Security.Claims;
using Hotline.Domain.Attachments;
using Hotline.Domain.Audit;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The workbench's cases through the API's own code: <see cref="CaseVisibility"/> for what a person may see,
/// <see cref="CasesApi"/>'s detail (telephone masking, the audit of a full number shown) and its ordering (the full-text
/// case search), so a page and <c>GET /api/cases</c> always agree.
/// </summary>
internal sealed class WorkbenchCases(IDbContextFactory<HotlineDbContext> contexts, AuditLog audit, ChineseSegmenter segmenter, AttachmentUploads attachments) : IWorkbenchCases
{
    public async Task<CaseList> ListAsync(ClaimsPrincipal user, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var terms = SearchQuery.Terms(search, segmenter, errors);
        if (errors.Count > 0)
            return new CaseList([], ListTotal.Exact(0), string.Join(" ", errors.Values.SelectMany(v => v)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (items, total) = await PageAsync(await CasesApi.VisibleInOrderAsync(db, user, db.Cases.AsNoTracking(), terms, cancellationToken), user, page, pageSize, cancellationToken);
        return new CaseList(items, total);
    }

    /// <summary>One page of <paramref name="visible"/> as the workbench lists cases, and how many there are (up to <see cref="ListTotal.Cap"/>).</summary>
    internal static async Task<(List<CaseSummary> Items, ListTotal Total)> PageAsync(
        CasesApi.VisibleCases visible, ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await visible.TotalAsync(cancellationToken);
        var items = await visible.PageAsync(page, pageSize, cancellationToken);
        return (items.Select(c => new CaseSummary(c.Number, c.Status, c.IsOpen, c.Type, PhoneVisibilityPolicy.ShowText(c.Content, c.CitizenPhone, user)!, c.DeadlineAt, c.Warning, c.CreatedAt))
            .ToList(), total);
    }

    public async Task<CaseSheet?> FindAsync(ClaimsPrincipal user, string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // By number only: a page address never carries an id.
        if (Guid.TryParse(number, out _) || await CasesApi.DetailAsync(db, user, number, audit, cancellationToken) is not { } detail)
            return null;
        var c = detail.Case;
        var related = c.LinkedCaseIds.ToList();
        var mergedInto = await db.Cases.AsNoTracking().Where(x => x.Number == c.Number).Select(x => x.MergedIntoCaseId).FirstOrDefaultAsync(cancellationToken);
        if (mergedInto is { } m)
            related.Add(m);
        // Only the related cases the person may see are named.
        var numbers = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Where(x => related.Contains(x.Id))
            .Select(x => new { x.Id, x.Number }).ToDictionaryAsync(x => x.Id, x => x.Number, cancellationToken);
        var notified = detail.Deliveries.Select(d => NotificationRecipients.UnitCodeOf(d.Recipient)).OfType<string>();
        var names = await ReferenceNames.ReadAsync(db, [c.SubjectCode], [c.LeadUnitCode, .. c.AssistingUnitCodes, .. detail.PendingTasks.Select(t => t.UnitCode), .. notified],
            [c.DistrictCode], cancellationToken);
        return new CaseSheet(
            c.Number, c.Status, IsOpen(c.Status), c.Type, c.Urgency, names.Subject(c.SubjectCode), names.District(c.DistrictCode), c.Address, c.Content,
            c.CitizenName, c.CitizenPhone, c.DeadlineAt, c.DeadlineProvisional, c.DeadlineRule, c.EscalationLevel, c.Warning, names.Unit(c.LeadUnitCode),
            c.AssistingUnitCodes.Select(u => names.Unit(u)!).ToList(),
            detail.Timeline.Select(e => Moment(e, c.Number)).ToList(),
            detail.PendingTasks.Select(t => new CaseTask(names.Unit(t.UnitCode), t.TaskName, t.Status, t.DueAt, t.SignDueAt)).ToList(),
            c.LinkedCaseIds.Where(numbers.ContainsKey).Select(id => numbers[id]).ToList(),
            mergedInto is { } into && numbers.TryGetValue(into, out var intoNumber) ? intoNumber : null,
            c.CreatedAt)
        {
            Attachments = (await attachments.ListAsync(c.Id, cancellationToken))
                .Select(a => new CaseFile(a.FileName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAt, CasePaths.Attachment(c.Number, a.Id))).ToList(),
            Deliveries = detail.Deliveries.Select(d => new CaseDelivery(
                d.At, d.Kind, d.Channel, d.Recipient, NotificationRecipients.UnitCodeOf(d.Recipient) is { } unit ? names.Unit(unit) : null, d.Address, d.Try, d.Outcome, d.Error, d.NextAttemptAt)).ToList(),
        };
    }


    /// <summary>
    /// A timeline line: a 督办意见 with its words, a progress report (进展反馈) or a 销号 note, why a case was reopened or
    /// failed its quality check, an attachment with its name and download link.
    /// </summary>
    private static CaseMoment Moment(CasesApi.TimelineEntry e, string number) => e.Kind switch
    {
        CaseEventKind.SupervisionInstructed => new(e.At, e.Kind, e.ActorName, CaseEventData.Read<InstructionData>(e.Data?.ToJsonString())?.Text),
        CaseEventKind.ProgressReported => new(e.At, e.Kind, e.ActorName, CaseEventData.Read<TaskOutcomeData>(e.Data?.ToJsonString())?.ResultText("text")),
        CaseEventKind.SupervisionClosed => new(e.At, e.Kind, e.ActorName, CaseEventData.Read<SupervisionClosedData>(e.Data?.ToJsonString())?.Note),
        CaseEventKind.Reopened => new(e.At, e.Kind, e.ActorName, CaseEventData.Read<ReopenedData>(e.Data?.ToJsonString())?.Reason),
        CaseEventKind.QualityChecked => new(e.At, e.Kind, e.ActorName, CaseEventData.Read<TaskOutcomeData>(e.Data?.ToJsonString())?.ResultText("reason")),
        CaseEventKind.AttachmentAdded when CaseEventData.Read<AttachmentAddedData>(e.Data?.ToJsonString()) is { } file =>
            new(e.At, e.Kind, e.ActorName, file.FileName, CasePaths.Attachment(number, file.AttachmentId)),
        _ => new(e.At, e.Kind, e.ActorName),
    };

    /// <summary>The domain's own rule (<see cref="Case.IsOpen"/>) for a case seen through the API's view.</summary>
    private static bool IsOpen(CaseStatus status) => new Case { Status = status }.IsOpen;
}
