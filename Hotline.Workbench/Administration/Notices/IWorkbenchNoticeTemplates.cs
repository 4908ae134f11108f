using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;

namespace Hotline.Workbench.Administration.Notices;

/// <summary>
/// The notice templates as <c>/api/admin/notice-templates</c> edits them: the host implements this port with the same
/// <see cref="NoticeTemplateAdministration"/> (versions, placeholder checks, audit). Administrators only.
/// </summary>
public interface IWorkbenchNoticeTemplates
{
    /// <summary>Every kind's template; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<NoticeTemplateView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Saves the words and channels of <paramref name="kind"/>; not found for anyone but an administrator.</summary>
    Task<Change<NoticeTemplateView>> SaveAsync(ClaimsPrincipal user, NotificationKind kind, NoticeTemplateFields fields, CancellationToken cancellationToken);

    /// <summary>Puts the shipped words of <paramref name="kind"/> back; not found for anyone but an administrator.</summary>
    Task<Change<NoticeTemplateView>> ResetAsync(ClaimsPrincipal user, NotificationKind kind, int version, CancellationToken cancellationToken);
}
