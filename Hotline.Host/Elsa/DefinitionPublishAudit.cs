using Hotline.Domain.Audit;
using Hotline.Host.Api;

namespace Hotline.Host.Elsa;

/// <summary>
/// Records who published a workflow definition. The host writes it after the engine's store has saved the publication
/// (the engine knows no EF and no audit log), through the request's scope.
/// </summary>
internal static class DefinitionPublishAudit
{
    /// <summary>Writes the audit row (naming the activities that run C#, if any) when <paramref name="change"/> published a version (not when it was published already or refused).</summary>
    public static async Task RecordAsync(HttpContext context, DefinitionChange change, CancellationToken cancellationToken)
    {
        if (change.Errors is not null || change.AlreadyPublished || change.Definition is not { IsPublished: true } definition)
            return;
        var audit = context.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordAndSaveAsync(Caller.Name(context.User), AuditActions.DefinitionPublished, AuditEntityTypes.WorkflowDefinition, definition.DefinitionId,
            null, new { definition.DefinitionId, definition.Id, definition.Version, definition.Name, CSharp = CSharpAuthorship.Find(definition.Root) is { Count: > 0 } csharp ? csharp : null }, cancellationToken);
    }
}
