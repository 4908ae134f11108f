using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Knowledge;

namespace Hotline.Workbench.Administration.Knowledge;

/// <summary>
/// The knowledge base for the 知识库 screen, as <c>/api/admin/knowledge</c> edits it: the host implements this port with
/// the same <see cref="KnowledgeAdministration"/> (validation, versions, the review cycle and its four-eyes rule, the
/// audit). Administrators only: anyone else reads nothing, and a change answers null.
/// </summary>
public interface IWorkbenchKnowledge
{
    /// <summary>Articles a page.</summary>
    public const int PageSize = 20;

    /// <summary>Page <paramref name="page"/> (from 1) of the articles matching <paramref name="filter"/>, and how many match.</summary>
    Task<(IReadOnlyList<KnowledgeArticle> Items, int Total)> ListAsync(ClaimsPrincipal user, KnowledgeFilter filter, int page, CancellationToken cancellationToken);

    /// <summary>One article, or null.</summary>
    Task<KnowledgeArticle?> FindAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken);

    /// <summary>The subjects an article may answer, by code, with their names.</summary>
    Task<IReadOnlyList<KeyValuePair<string, string>>> SubjectsAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Writes a new draft (<paramref name="create"/>) or changes one at <see cref="KnowledgeFields.Version"/>.</summary>
    Task<Change<KnowledgeArticle>?> SaveAsync(ClaimsPrincipal user, KnowledgeFields fields, bool create, CancellationToken cancellationToken);

    /// <summary>Moves an article along its review cycle at <paramref name="version"/>.</summary>
    Task<Change<KnowledgeArticle>?> TransitionAsync(ClaimsPrincipal user, string id, KnowledgeTransition transition, int version, string? reason,
        CancellationToken cancellationToken);
}
