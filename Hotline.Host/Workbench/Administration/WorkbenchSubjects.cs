using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Routing;
using Hotline.Host.Api;
using Hotline.Workbench.Administration.Subjects;

namespace Hotline.Host.Workbench.Administration;

/// <summary>The subject screen through the subject API's own code, <see cref="SubjectAdministration"/>.</summary>
internal sealed class WorkbenchSubjects(IServiceScopeFactory scopes) : IWorkbenchSubjects
{
    /// <summary>The most subjects the screen loads.</summary>
    private const int Most = 10_000;

    public async Task<IReadOnlyList<Subject>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return [];
        return await AdminPorts.UseAsync<SubjectAdministration, List<Subject>>(scopes,
            async subjects => (await subjects.ListAsync(null, 1, Most, cancellationToken)).Items);
    }

    public Task<Change<Subject>> SaveAsync(ClaimsPrincipal user, string? code, SubjectFields fields, CancellationToken cancellationToken)
    {
        if (!AdminPorts.Allowed(user))
            return Task.FromResult(Change<Subject>.NotFound());
        return AdminPorts.UseAsync<SubjectAdministration, Change<Subject>>(scopes, subjects => code is null
            ? subjects.CreateAsync(Caller.Name(user), fields, cancellationToken)
            : subjects.UpdateAsync(Caller.Name(user), code, fields, cancellationToken));
    }
}
