using System.Text.Json.Nodes;
using Hotline.Workflows.Persistence;

namespace Hotline.Host.Elsa;

/// <summary>
/// The references Elsa's server writes on a workflow used as an activity, for the read-only viewers. The Studio treats a
/// node as a child workflow only when it carries all four of <c>workflowDefinitionId</c>, <c>workflowDefinitionVersionId</c>,
/// <c>latestAvailablePublishedVersion</c> and <c>latestAvailablePublishedVersionId</c> (Elsa.Api.Client's
/// <c>GetWorkflowDefinitionId</c>); without them a double-click on the node in the instance viewer does nothing. The
/// host's documents hold only the definition id: the engine resolves the published child when an instance starts and
/// pins it per instance, so the references are added to what the viewers read and never stored (a stored
/// <c>workflowDefinitionVersionId</c> would pin the child version for every new case).
/// </summary>
internal static class ChildWorkflowReferences
{
    private const string VersionId = "workflowDefinitionVersionId";
    private const string LatestVersion = "latestAvailablePublishedVersion";
    private const string LatestVersionId = "latestAvailablePublishedVersionId";

    /// <summary>Adds the references to every workflow used as an activity under <paramref name="root"/> whose child definition is published.</summary>
    public static async Task AddAsync(JsonObject root, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        foreach (var node in ElsaActivityTree.Descendants(root))
        {
            if (ElsaWire.Text(node["workflowDefinitionId"]) is not { } definitionId || node[LatestVersionId] is not null)
                continue;
            if (await definitions.FindPublishedAsync(definitionId, cancellationToken) is not { } published)
                continue;
            node[VersionId] ??= published.Id;
            node[LatestVersion] = published.Version;
            node[LatestVersionId] = published.Id;
        }
    }

    /// <summary>Takes back what <see cref="AddAsync"/> added, from a document the Studio sends to be saved.</summary>
    public static void Remove(JsonObject root)
    {
        foreach (var node in ElsaActivityTree.Descendants(root))
        {
            if (node[LatestVersionId] is not JsonValue added)
                continue;
            // A pin of the document itself (an imported Elsa file) differs from the published version it was read with.
            if (ElsaWire.Text(node[VersionId]) == added.ToString())
                node.Remove(VersionId);
            node.Remove(LatestVersion);
            node.Remove(LatestVersionId);
        }
    }
}
