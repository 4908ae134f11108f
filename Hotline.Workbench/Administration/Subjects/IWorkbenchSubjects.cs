using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Routing;

namespace Hotline.Workbench.Administration.Subjects;

/// <summary>
/// The subject taxonomy as <c>/api/admin/subjects</c> edits it: the host implements this port with the same
/// <see cref="SubjectAdministration"/> (versions, loops, audit). Administrators only.
/// </summary>
public interface IWorkbenchSubjects
{
    /// <summary>Every subject by code; empty for anyone but an administrator.</summary>
    Task<IReadOnlyList<Subject>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Creates a subject (<paramref name="code"/> null) or changes the subject <paramref name="code"/>; not found for anyone but an administrator.</summary>
    Task<Change<Subject>> SaveAsync(ClaimsPrincipal user, string? code, SubjectFields fields, CancellationToken cancellationToken);
}
