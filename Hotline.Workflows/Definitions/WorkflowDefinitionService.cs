using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Definitions;

/// <summary>What publishing did.</summary>
public sealed record PublishResult(WorkflowDefinition Definition, bool AlreadyPublished);

/// <summary>
/// Elsa's versioning rules: exactly one latest version per definition and at most one published. Saving edits the
/// latest draft in place, or starts a new draft (version + 1) when the latest is published; publishing makes the latest
/// the only published version; instances keep running on the version they started with. Nothing that fails to compile
/// or validate is stored.
/// </summary>
public sealed class WorkflowDefinitionService(WorkflowRuntime runtime)
{
    private IWorkflowDefinitionStore Store => runtime.Definitions;

    private DateTimeOffset Now => runtime.Services.Clock.GetUtcNow();

    /// <summary>Saves a draft: a new definition, an edit of the latest draft, or a new draft after the published latest.</summary>
    public Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition model, CancellationToken cancellationToken = default) =>
        SaveDraftAsync(model, compiled: false, cancellationToken);

    /// <summary>Saves a draft; <paramref name="compiled"/>: the caller has just compiled and validated this model.</summary>
    private async Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition model, bool compiled, CancellationToken cancellationToken)
    {
        var draft = model.Clone();
        draft.Document.Remove("links");
        if (!compiled)
            await runtime.CompileAsync(draft, cancellationToken);
        var latest = string.IsNullOrEmpty(draft.DefinitionId) ? null : await Store.FindLatestAsync(draft.DefinitionId, cancellationToken);
        var changed = new List<WorkflowDefinition>();
        if (latest is null)
        {
            if (string.IsNullOrEmpty(draft.DefinitionId))
                draft.DefinitionId = IdGenerator.New();
            draft.Id = IdGenerator.New();
            draft.Version = 1;
            draft.CreatedAt = Now;
        }
        else if (!latest.IsPublished)
        {
            draft.Id = latest.Id;
            draft.Version = latest.Version;
            draft.CreatedAt = latest.CreatedAt;
        }
        else
        {
            var versions = await Store.ListVersionsAsync(draft.DefinitionId, cancellationToken);
            draft.Id = IdGenerator.New();
            draft.Version = versions.Max(v => v.Version) + 1;
            draft.CreatedAt = Now;
            latest.IsLatest = false;
            changed.Add(latest);
        }

        draft.IsLatest = true;
        draft.IsPublished = false;
        changed.Add(draft);
        await Store.SaveAsync(changed, cancellationToken);
        // An edit in place of a retracted version changes what its running instances execute, as in Elsa.
        runtime.Invalidate(draft.Id);
        return draft;
    }

    /// <summary>Publishes the latest version after validating it (<see cref="ValidateAsync"/>).</summary>
    public Task<PublishResult> PublishAsync(string definitionId, CancellationToken cancellationToken = default) =>
        PublishAsync(definitionId, validatedId: null, cancellationToken);

    /// <summary>Publishes the latest version; <paramref name="validatedId"/>: the version the caller has just validated and saved (not validated again).</summary>
    private async Task<PublishResult> PublishAsync(string definitionId, string? validatedId, CancellationToken cancellationToken)
    {
        var versions = await Store.ListVersionsAsync(definitionId, cancellationToken);
        var latest = versions.FirstOrDefault(v => v.IsLatest) ?? throw new DefinitionNotFoundException(definitionId);
        if (latest.IsPublished)
            return new PublishResult(latest, AlreadyPublished: true);
        if (latest.Id != validatedId)
            await ValidateAsync(latest, cancellationToken);
        var changed = new List<WorkflowDefinition>();
        foreach (var other in versions.Where(v => v.Id != latest.Id && (v.IsPublished || v.IsLatest)))
        {
            other.IsPublished = false;
            other.IsLatest = false;
            changed.Add(other);
        }

        latest.IsPublished = true;
        changed.Add(latest);
        await Store.SaveAsync(changed, cancellationToken);
        runtime.Http.Invalidate();
        return new PublishResult(latest, AlreadyPublished: false);
    }

    /// <summary>
    /// Stores a definition and publishes it at once (imports, seeding <c>definitions/</c>): compiled and validated once,
    /// not again by the save and the publish (each compile loads the definitions it uses as activities).
    /// </summary>
    public async Task<WorkflowDefinition> SaveAndPublishAsync(WorkflowDefinition model, CancellationToken cancellationToken = default)
    {
        await ValidateAsync(model, cancellationToken);
        var draft = await SaveDraftAsync(model, compiled: true, cancellationToken);
        return (await PublishAsync(draft.DefinitionId, draft.Id, cancellationToken)).Definition;
    }

    /// <summary>Withdraws the published version: new instances cannot start; running ones go on.</summary>
    public async Task<WorkflowDefinition> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var published = await Store.FindPublishedAsync(definitionId, cancellationToken) ?? throw new DefinitionNotFoundException(definitionId);
        published.IsPublished = false;
        await Store.SaveAsync([published], cancellationToken);
        runtime.Http.Invalidate();
        return published;
    }

    /// <summary>Makes a copy of an earlier version the new latest draft.</summary>
    public async Task<WorkflowDefinition> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var versions = await Store.ListVersionsAsync(definitionId, cancellationToken);
        var source = versions.FirstOrDefault(v => v.Version == version) ?? throw new DefinitionNotFoundException(definitionId, version);
        var copy = source.Clone();
        copy.Id = IdGenerator.New();
        copy.Version = versions.Max(v => v.Version) + 1;
        copy.CreatedAt = Now;
        copy.IsLatest = true;
        copy.IsPublished = false;
        var changed = versions.Where(v => v.IsLatest).ToList();
        changed.ForEach(v => v.IsLatest = false);
        changed.Add(copy);
        await Store.SaveAsync(changed, cancellationToken);
        return copy;
    }

    /// <summary>
    /// Compiles a definition and runs the publish-time checks (<see cref="WorkflowValidator"/>); throws
    /// <see cref="WorkflowDefinitionException"/> listing every problem.
    /// </summary>
    public async Task ValidateAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        var blueprint = await runtime.CompileAsync(definition, cancellationToken);
        var errors = WorkflowValidator.Validate(blueprint).Concat(await runtime.Http.FindConflictsAsync(blueprint, cancellationToken)).ToList();
        if (errors.Count > 0)
            throw new WorkflowDefinitionException(errors);
    }
}

/// <summary>No such definition (or version).</summary>
public sealed class DefinitionNotFoundException(string definitionId, int? version = null)
    : Exception(version is null ? $"Workflow definition '{definitionId}' does not exist." : $"Workflow definition '{definitionId}' has no version {version}.")
{
    public string DefinitionId { get; } = definitionId;
}
