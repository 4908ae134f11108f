using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench.Administration;

/// <summary>
/// The 知识库 screen's port: <see cref="KnowledgeAdministration"/>, as <c>/api/admin/knowledge</c> uses it, in a scope
/// (a unit of work) per call, for administrators only.
/// </summary>
internal sealed class WorkbenchKnowledge(IServiceScopeFactory scopes, IDbContextFactory<HotlineDbContext> contexts) : IWorkbenchKnowledge
{
    public async Task<(IReadOnlyList<KnowledgeArticle> Items, int Total)> ListAsync(ClaimsPrincipal user, KnowledgeFilter filter, int page, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
            return ([], 0);
        var (items, total) = await UseAsync(k => k.ListAsync(filter, Math.Max(page, 1), IWorkbenchKnowledge.PageSize, cancellationToken));
        return (items, total);
    }

    public async Task<KnowledgeArticle?> FindAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken) =>
        IsAdministrator(user) ? await UseAsync(k => k.FindAsync(id, cancellationToken)) : null;

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SubjectsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Subjects.AsNoTracking().OrderBy(s => s.Code).Select(s => new KeyValuePair<string, string>(s.Code, s.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Change<KnowledgeArticle>?> SaveAsync(ClaimsPrincipal user, KnowledgeFields fields, bool create, CancellationToken cancellationToken)
    {
        if (!IsAdministrator(user))
            return null;
        return await UseAsync(k => create
            ? k.CreateAsync(Caller.Name(user), fields, cancellationToken)
            : k.UpdateAsync(Caller.Name(user), fields.Id ?? "", fields, cancellationToken));
    }

    public async Task<Change<KnowledgeArticle>?> TransitionAsync(ClaimsPrincipal user, string id, KnowledgeTransition transition, int version, string? reason,
        CancellationToken cancellationToken) =>
        IsAdministrator(user) ? await UseAsync(k => k.TransitionAsync(Caller.Name(user), id, transition, version, reason, cancellationToken)) : null;

    private static bool IsAdministrator(ClaimsPrincipal user) => user.IsInRole(HotlineRoles.Administrator);

    private async Task<T> UseAsync<T>(Func<KnowledgeAdministration, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KnowledgeAdministration>());
    }
}
