using Hotline.Domain.Audit;
using Hotline.Host.Api;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>
/// Deleting instances from the instance list (row menu and bulk action, CONTRACT §4.3). Only ended instances (finished,
/// cancelled, faulted) are deleted, with their bookmarks and history; a running instance, such as a case's open
/// lifecycle, is kept: the single delete refuses it (409, cancel it first), the bulk delete leaves it and answers the
/// count of instances it deleted, as Elsa 3.8's <c>{deleted}</c>, so the Studio reloads its list without an error. Each
/// deletion is audited.
/// </summary>
internal static class ElsaInstanceDeletionApi
{
    /// <summary>Maps the delete endpoints.</summary>
    public static void MapElsaInstanceDeletion(this RouteGroupBuilder api)
    {
        api.MapDelete("/workflow-instances/{id}", DeleteAsync);
        api.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDeleteAsync);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await DeleteOneAsync(id, context, runtime, cancellationToken) switch
        {
            InstanceDeletion.Deleted => Results.Ok(),
            InstanceDeletion.Running => Results.ValidationProblem(
                new Dictionary<string, string[]> { ["id"] = [$"Workflow instance '{id}' is running; only ended instances are deleted. Cancel it first if it must go."] },
                statusCode: StatusCodes.Status409Conflict, title: "A running instance is not deleted"),
            _ => ElsaWire.NotFound($"Workflow instance '{id}' does not exist."),
        };

    private static async Task<IResult> BulkDeleteAsync(HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (body, error) = await ElsaWire.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
            return error;
        var ids = ElsaWire.Strings(body?["ids"]);
        var definitionIds = ElsaWire.Strings(body?["workflowDefinitionIds"]);
        if (ElsaWire.Text(body?["workflowDefinitionId"]) is { Length: > 0 } definitionId)
            definitionIds.Add(definitionId);
        if (definitionIds.Count > 0)
        {
            var ended = await runtime.Instances.SearchAsync(new InstanceSearch
            {
                DefinitionIds = definitionIds,
                Statuses = [WorkflowStatus.Finished],
                Take = int.MaxValue,
            }, cancellationToken);
            ids.AddRange(ended.Items.Select(i => i.Id));
        }

        var deleted = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (await DeleteOneAsync(id, request.HttpContext, runtime, cancellationToken) == InstanceDeletion.Deleted)
                deleted++;
        return ElsaWire.Json(new { deleted });
    }

    private static async Task<InstanceDeletion> DeleteOneAsync(string id, HttpContext context, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await runtime.Instances.FindAsync(id, cancellationToken) is not { } instance)
            return InstanceDeletion.NotFound;
        var outcome = await runtime.Instances.DeleteEndedAsync(id, cancellationToken);
        if (outcome == InstanceDeletion.Deleted)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAndSaveAsync(Caller.Name(context.User), AuditActions.InstanceDeleted, AuditEntityTypes.WorkflowInstance, id,
                new { instance.Id, instance.DefinitionId, instance.Version, instance.Name, instance.CorrelationId, SubStatus = instance.SubStatus.ToString(), instance.CreatedAt, instance.FinishedAt },
                null, cancellationToken);
        }

        return outcome;
    }
}
