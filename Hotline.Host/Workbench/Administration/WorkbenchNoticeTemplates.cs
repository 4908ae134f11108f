using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Notices;

namespace Hotline.Host.Workbench.Administration;

/// <summary>The notice template screen through the template API's own code, <see cref="NoticeTemplateAdministration"/>.</summary>
internal sealed class WorkbenchNoticeTemplates(IServiceScopeFactory scopes) : IWorkbenchNoticeTemplates
{
    public async Task<IReadOnlyList<NoticeTemplateView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return [];
        return await AdminPorts.UseAsync<NoticeTemplateAdministration, List<NoticeTemplateView>>(scopes, templates => templates.ListAsync(cancellationToken));
    }

    public Task<Change<NoticeTemplateView>> SaveAsync(ClaimsPrincipal user, NotificationKind kind, NoticeTemplateFields fields, CancellationToken cancellationToken) =>
        ChangeAsync(user, templates => templates.SaveAsync(Caller.Name(user), kind, fields, cancellationToken));

    public Task<Change<NoticeTemplateView>> ResetAsync(ClaimsPrincipal user, NotificationKind kind, int version, CancellationToken cancellationToken) =>
        ChangeAsync(user, templates => templates.ResetAsync(Caller.Name(user), kind, version, cancellationToken));

    private async Task<Change<NoticeTemplateView>> ChangeAsync(ClaimsPrincipal user, Func<NoticeTemplateAdministration, Task<Change<NoticeTemplate>>> change)
    {
        if (!AdminPorts.Allowed(user))
            return Change<NoticeTemplateView>.NotFound();
        return await AdminPorts.UseAsync<NoticeTemplateAdministration, Change<NoticeTemplateView>>(scopes,
            async templates => await AdminPorts.ViewAsync(await change(templates), t => Task.FromResult(NoticeTemplateView.From(t))));
    }
}
