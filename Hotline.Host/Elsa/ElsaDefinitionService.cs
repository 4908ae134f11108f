using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

/// <summary>The result of a save, publish or import: the stored version, or why nothing was stored.</summary>
public sealed record DefinitionChange(WorkflowDefinition? Definition, bool AlreadyPublished, IReadOnlyDictionary<string, string[]>? Errors, int Status = StatusCodes.Status200OK)
{
    /// <summary>A refusal.</summary>
    public static DefinitionChange Refused(int status, string key, string message) => new(null, false, new Dictionary<string, string[]> { [key] = [message] }, status);

    /// <summary>A refusal listing the problems of a definition.</summary>
    public static DefinitionChange Invalid(WorkflowDefinitionException exception) => new(null, false, ElsaWire.Errors(exception), StatusCodes.Status400BadRequest);
}

/// <summary>A page of definition versions.</summary>
public sealed record DefinitionPage(IReadOnlyList<WorkflowDefinition> Items, long TotalCount);

/// <summary>
/// What the designer does to definitions, on the engine's <see cref="WorkflowDefinitionService"/> (Elsa's versioning
/// rules, CONTRACT §7.4) and the definition store: saves and publishes are serialized per definition (the Studio
/// auto-saves every change, so two saves may race), and deletions that would strand running cases are refused.
/// </summary>
public sealed class ElsaDefinitionService(WorkflowRuntime runtime)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    private IWorkflowDefinitionStore Store => runtime.Definitions;

    private WorkflowDefinitionService Versions { get; } = new(runtime);

    /// <summary>The version of a definition that <paramref name="options"/> selects (the highest such version).</summary>
    internal async Task<WorkflowDefinition?> FindAsync(string definitionId, VersionOptions options, CancellationToken cancellationToken)
    {
        if (options.Selection == VersionSelection.Latest)
            return await Store.FindLatestAsync(definitionId, cancellationToken);
        if (options.Selection == VersionSelection.Published)
            return await Store.FindPublishedAsync(definitionId, cancellationToken);
        return (await Store.ListVersionsAsync(definitionId, cancellationToken)).Where(options.Matches).MaxBy(v => v.Version);
    }

    /// <summary>The definition list: versions selected by <paramref name="options"/>, filtered, ordered and paged.</summary>
    internal async Task<DefinitionPage> ListAsync(DefinitionListQuery query, VersionOptions options, CancellationToken cancellationToken)
    {
        IEnumerable<WorkflowDefinition> versions;
        if (query.Ids.Count > 0)
        {
            var found = new List<WorkflowDefinition>();
            foreach (var id in query.Ids.Distinct(StringComparer.Ordinal))
                if (await Store.FindByVersionIdAsync(id, cancellationToken) is { } version)
                    found.Add(version);
            versions = found;
        }
        else if (query.DefinitionIds.Count > 0)
        {
            var found = new List<WorkflowDefinition>();
            foreach (var id in query.DefinitionIds.Distinct(StringComparer.Ordinal))
                found.AddRange(await Store.ListVersionsAsync(id, cancellationToken));
            versions = found;
        }
        else
        {
            versions = options.Selection == VersionSelection.Latest
                ? await Store.ListLatestAsync(cancellationToken)
                : await Store.ListAllVersionsAsync(cancellationToken);
        }

        var matches = versions.Where(options.Matches);
        if (query.IsSystem is { } isSystem)
            matches = matches.Where(v => (v.Document["isSystem"] is JsonValue s && s.TryGetValue<bool>(out var b) && b) == isSystem);
        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim();
            matches = matches.Where(v => Contains(v.Name, term) || Contains(v.Description, term) || Contains(v.DefinitionId, term) || v.Id == term);
        }

        var list = matches.ToList();
        IOrderedEnumerable<WorkflowDefinition> ordered = (query.OrderBy ?? "Name") switch
        {
            "Created" => query.Descending ? list.OrderByDescending(v => v.CreatedAt) : list.OrderBy(v => v.CreatedAt),
            "Version" => query.Descending ? list.OrderByDescending(v => v.Version) : list.OrderBy(v => v.Version),
            _ => query.Descending ? list.OrderByDescending(v => v.Name ?? v.DefinitionId, StringComparer.CurrentCultureIgnoreCase) : list.OrderBy(v => v.Name ?? v.DefinitionId, StringComparer.CurrentCultureIgnoreCase),
        };
        var page = ordered.ThenBy(v => v.DefinitionId, StringComparer.Ordinal).ThenBy(v => v.Version).AsEnumerable();
        if (query.Page is { } number && query.PageSize is { } size && size > 0)
            page = page.Skip(Math.Max(number, 0) * size).Take(size);
        return new DefinitionPage(page.ToList(), list.Count);
    }

    private static bool Contains(string? value, string term) => value is not null && value.Contains(term, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Saves the Studio's model as a draft (a new definition, the latest draft edited in place, or a new version after a
    /// published one) and publishes it when asked. The model's ids, version and flags are not trusted (CONTRACT T12).
    /// Nothing is stored when the model does not compile (an unknown activity type, a bad literal) or, when publishing,
    /// does not validate.
    /// </summary>
    public async Task<DefinitionChange> SaveAsync(JsonObject model, bool publish, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        WorkflowDefinition definition;
        try
        {
            var document = (JsonObject)model.DeepClone();
            if (document["root"] is JsonObject root)
                ChildWorkflowReferences.Remove(root);
            ElsaMapping.Normalize(document);
            definition = WorkflowDefinitionReader.Parse(document.ToJsonString());
        }
        catch (WorkflowDefinitionException e)
        {
            return DefinitionChange.Invalid(e);
        }

        if (string.IsNullOrEmpty(definition.DefinitionId))
            return await SaveLockedAsync(definition, publish, cancellationToken);
        var gate = _locks.GetOrAdd(definition.DefinitionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SaveLockedAsync(definition, publish, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DefinitionChange> SaveLockedAsync(WorkflowDefinition definition, bool publish, CancellationToken cancellationToken)
    {
        var latest = string.IsNullOrEmpty(definition.DefinitionId) ? null : await Store.FindLatestAsync(definition.DefinitionId, cancellationToken);
        if (latest is not null && IsReadonly(latest))
            return DefinitionChange.Refused(StatusCodes.Status403Forbidden, "definition", $"Workflow definition '{latest.DefinitionId}' is read-only.");
        if (await CheckDesignableAsync(definition, cancellationToken) is { Count: > 0 } problems)
            return new DefinitionChange(null, false, problems, StatusCodes.Status400BadRequest);
        try
        {
            if (publish)
                await Versions.ValidateAsync(definition, cancellationToken);
            var draft = await Versions.SaveDraftAsync(definition, cancellationToken);
            if (!publish)
                return new DefinitionChange(draft, false, null);
            var published = await Versions.PublishAsync(draft.DefinitionId, cancellationToken);
            return new DefinitionChange(published.Definition, published.AlreadyPublished, null);
        }
        catch (WorkflowDefinitionException e)
        {
            return DefinitionChange.Invalid(e);
        }
    }

    /// <summary>
    /// Checks what the designer itself needs beyond what the engine compiles: outcome lists it can draw as ports, and a
    /// workflow-as-activity type name no other definition uses.
    /// </summary>
    private async Task<Dictionary<string, string[]>> CheckDesignableAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var activity in ElsaActivityTree.Descendants(definition.Root))
        {
            foreach (var name in new[] { "possibleOutcomes", "branches" })
            {
                // The Studio reads these lists to draw the ports; a script or malformed list would blank the whole canvas.
                if (activity[name] is not JsonObject wrapped || wrapped["expression"] is not JsonObject expression)
                    continue;
                var type = ElsaWire.Text(expression["type"]);
                if (type is "Object" or "Json" && IsStringArray(ElsaWire.Text(expression["value"])))
                    continue;
                problems[$"activity:{ElsaWire.Text(activity["id"])}"] =
                    [$"Input '{name}' of activity '{ElsaWire.Text(activity["name"]) ?? ElsaWire.Text(activity["id"])}' must be a list of outcome names (for example [\"Approved\", \"Rejected\"]) so the designer can draw its ports."];
            }
        }

        if (definition.UsableAsActivity)
        {
            var typeName = definition.ActivityTypeName;
            var clash = (await Store.ListLatestAsync(cancellationToken))
                .FirstOrDefault(d => d.DefinitionId != definition.DefinitionId && d.UsableAsActivity && d.ActivityTypeName == typeName);
            if (clash is not null)
                problems["name"] = [$"Workflow '{clash.Name}' ({clash.DefinitionId}) is already used as activity type '{typeName}'; give this workflow another name."];
        }

        return problems;
    }

    private static bool IsStringArray(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return false;
        try
        {
            return JsonNode.Parse(json) is JsonArray array && array.All(x => x is JsonValue v && v.GetValueKind() == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsReadonly(WorkflowDefinition definition) =>
        definition.Document["isReadonly"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Publishes the latest version (the list's row menu and bulk publish).</summary>
    public async Task<DefinitionChange> PublishAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await WithLockAsync(definitionId, async () =>
        {
            try
            {
                var result = await Versions.PublishAsync(definitionId, cancellationToken);
                return new DefinitionChange(result.Definition, result.AlreadyPublished, null);
            }
            catch (DefinitionNotFoundException e)
            {
                return DefinitionChange.Refused(StatusCodes.Status404NotFound, "definitionId", e.Message);
            }
            catch (WorkflowDefinitionException e)
            {
                return DefinitionChange.Invalid(e);
            }
        });

    /// <summary>Withdraws the published version; running instances go on.</summary>
    public async Task<DefinitionChange> RetractAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await WithLockAsync(definitionId, async () =>
        {
            if (await Store.FindLatestAsync(definitionId, cancellationToken) is null)
                return DefinitionChange.Refused(StatusCodes.Status404NotFound, "definitionId", $"Workflow definition '{definitionId}' does not exist.");
            if (await Store.FindPublishedAsync(definitionId, cancellationToken) is null)
                return DefinitionChange.Refused(StatusCodes.Status400BadRequest, "definitionId", $"Workflow definition '{definitionId}' has no published version to retract.");
            return new DefinitionChange(await Versions.RetractAsync(definitionId, cancellationToken), false, null);
        });

    /// <summary>Makes a copy of an earlier version the new latest draft.</summary>
    public async Task<DefinitionChange> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        await WithLockAsync(definitionId, async () =>
        {
            try
            {
                return new DefinitionChange(await Versions.RevertAsync(definitionId, version, cancellationToken), false, null);
            }
            catch (DefinitionNotFoundException e)
            {
                return DefinitionChange.Refused(StatusCodes.Status404NotFound, "version", e.Message);
            }
        });

    /// <summary>
    /// Deletes every version of a definition, unless instances still run on it or other definitions use it as an
    /// activity (their cases would stop at the next resume).
    /// </summary>
    public async Task<DefinitionChange> DeleteAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await WithLockAsync(definitionId, async () =>
        {
            if (await Store.FindLatestAsync(definitionId, cancellationToken) is not { } latest)
                return DefinitionChange.Refused(StatusCodes.Status404NotFound, "definitionId", $"Workflow definition '{definitionId}' does not exist.");
            if (IsReadonly(latest))
                return DefinitionChange.Refused(StatusCodes.Status403Forbidden, "definitionId", $"Workflow definition '{definitionId}' is read-only.");
            var running = await runtime.Instances.SearchAsync(new InstanceSearch { DefinitionIds = [definitionId], Statuses = [WorkflowStatus.Running], Take = 0 }, cancellationToken);
            if (running.TotalCount > 0)
                return DefinitionChange.Refused(StatusCodes.Status409Conflict, "definitionId", $"{running.TotalCount} instance(s) of '{definitionId}' are still running; cancel or finish them before deleting the definition.");
            var consumers = await ConsumersAsync(definitionId, cancellationToken);
            if (consumers.Count > 0)
                return DefinitionChange.Refused(StatusCodes.Status409Conflict, "definitionId", $"'{definitionId}' is used as an activity by {string.Join(", ", consumers)}; remove it from them first.");
            await Store.DeleteAsync(definitionId, cancellationToken);
            runtime.Http.Invalidate();
            return new DefinitionChange(latest, false, null);
        });

    /// <summary>Deletes one version that is not published, not the only one, and not run by running instances.</summary>
    public async Task<DefinitionChange> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        if (await Store.FindByVersionIdAsync(versionId, cancellationToken) is not { } target)
            return DefinitionChange.Refused(StatusCodes.Status404NotFound, "id", $"Workflow definition version '{versionId}' does not exist.");
        return await WithLockAsync(target.DefinitionId, async () =>
        {
            var versions = await Store.ListVersionsAsync(target.DefinitionId, cancellationToken);
            var version = versions.FirstOrDefault(v => v.Id == versionId);
            if (version is null)
                return DefinitionChange.Refused(StatusCodes.Status404NotFound, "id", $"Workflow definition version '{versionId}' does not exist.");
            if (version.IsPublished)
                return DefinitionChange.Refused(StatusCodes.Status409Conflict, "id", $"Version {version.Version} of '{version.DefinitionId}' is published; retract it (or publish another version) first.");
            if (versions.Count == 1)
                return DefinitionChange.Refused(StatusCodes.Status409Conflict, "id", $"Version {version.Version} is the only version of '{version.DefinitionId}'; delete the definition instead.");
            var running = await runtime.Instances.SearchAsync(new InstanceSearch { DefinitionVersionIds = [versionId], Statuses = [WorkflowStatus.Running], Take = 0 }, cancellationToken);
            if (running.TotalCount > 0)
                return DefinitionChange.Refused(StatusCodes.Status409Conflict, "id", $"{running.TotalCount} instance(s) still run on version {version.Version} of '{version.DefinitionId}'.");
            if (version.IsLatest)
            {
                // Exactly one latest version per definition: the highest remaining one takes over.
                var next = versions.Where(v => v.Id != versionId).MaxBy(v => v.Version)!;
                next.IsLatest = true;
                await Store.SaveAsync([next], cancellationToken);
            }

            await Store.DeleteVersionAsync(versionId, cancellationToken);
            runtime.Invalidate(versionId);
            return new DefinitionChange(version, false, null);
        });
    }

    /// <summary>The definitions whose latest version uses <paramref name="definitionId"/> as an activity.</summary>
    public async Task<IReadOnlyList<string>> ConsumersAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var typeNames = (await Store.ListVersionsAsync(definitionId, cancellationToken)).Where(v => v.UsableAsActivity).Select(v => v.ActivityTypeName).ToHashSet(StringComparer.Ordinal);
        return (await Store.ListLatestAsync(cancellationToken))
            .Where(d => d.DefinitionId != definitionId && ElsaActivityTree.Descendants(d.Root).Any(a =>
                ElsaWire.Text(a["workflowDefinitionId"]) is { } id ? id == definitionId : ElsaWire.Text(a["type"]) is { } type && typeNames.Contains(type)))
            .Select(d => d.DefinitionId)
            .ToList();
    }

    /// <summary>Whether no other definition has this name (case-insensitive; its type name when used as an activity).</summary>
    public async Task<bool> IsNameUniqueAsync(string name, string? definitionId, CancellationToken cancellationToken = default)
    {
        var typeName = new string(name.Where(char.IsLetterOrDigit).ToArray());
        return !(await Store.ListLatestAsync(cancellationToken)).Any(d => d.DefinitionId != definitionId &&
            (string.Equals(d.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase) || (typeName.Length > 0 && d.ActivityTypeName == typeName)));
    }

    private async Task<DefinitionChange> WithLockAsync(string definitionId, Func<Task<DefinitionChange>> action)
    {
        var gate = _locks.GetOrAdd(definitionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            return await action();
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>The definition list's query (CONTRACT §4.2): Refit's PascalCase keys.</summary>
internal sealed record DefinitionListQuery(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> DefinitionIds,
    string? SearchTerm,
    bool? IsSystem,
    string? OrderBy,
    bool Descending,
    int? Page,
    int? PageSize)
{
    /// <summary>Reads the query string.</summary>
    public static DefinitionListQuery From(ElsaQuery query) => new(
        query.List("Ids"),
        query.List("DefinitionIds"),
        query.Text("SearchTerm"),
        query.Bool("IsSystem"),
        query.Text("OrderBy"),
        string.Equals(query.Text("OrderDirection"), "Descending", StringComparison.OrdinalIgnoreCase),
        query.Int("Page"),
        query.Int("PageSize"));
}
