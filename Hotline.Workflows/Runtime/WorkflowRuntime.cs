using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Diagnostics;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Workflows.Runtime;

/// <summary>The result of starting or resuming an instance.</summary>
public sealed record RunResult(
    string InstanceId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyDictionary<string, object?> Output,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents)
{
    /// <summary>The outcome as the command-line runner prints it: Finished, Suspended, Faulted or Cancelled.</summary>
    public string StatusText => SubStatus switch
    {
        WorkflowSubStatus.Finished => "Finished",
        WorkflowSubStatus.Faulted => "Faulted",
        WorkflowSubStatus.Cancelled => "Cancelled",
        _ => "Suspended",
    };
}

/// <summary>No published version of the definition exists.</summary>
public sealed class WorkflowNotFoundException(string definitionId)
    : Exception($"No published version of workflow definition '{definitionId}' exists.")
{
    public string DefinitionId { get; } = definitionId;
}

/// <summary>
/// Runs definitions durably: compiles (and caches) definition versions, starts and resumes instances. Each burst runs
/// in its own unit of work (<see cref="IBurstScope"/>), which saves the instance, its bookmarks, history and tasks and
/// whatever the activities changed atomically, with a revision check: a burst that loses a race is run again in a
/// fresh scope on the fresh state, so no update is lost and a bookmark is consumed once. Then it hands timers and
/// events over.
/// </summary>
public sealed class WorkflowRuntime
{
    // Every round of a race has a winner, so N concurrent resumes of one instance need up to N attempts.
    private const int MaxAttempts = 32;
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkflowBlueprint> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _dependencyIds = new(StringComparer.Ordinal);

    // By definition id: the definitions its last compiled published version uses (see FindCompiledPublishedAsync).
    private readonly ConcurrentDictionary<string, List<string>> _publishedDependencies = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public WorkflowRuntime(
        ActivityRegistry registry,
        IWorkflowDefinitionStore definitions,
        IWorkflowInstanceStore instances,
        EngineServices services,
        IBurstScopeFactory? bursts = null,
        IBookmarkScheduler? bookmarkScheduler = null,
        ILogger<WorkflowRuntime>? logger = null)
    {
        Registry = registry;
        Definitions = definitions;
        Instances = instances;
        Services = services;
        Bursts = bursts ?? new StoreBurstScopeFactory(instances, services.HostServices);
        BookmarkScheduler = bookmarkScheduler ?? new InMemoryBookmarkScheduler();
        _logger = logger ?? NullLogger<WorkflowRuntime>.Instance;
    }

    public ActivityRegistry Registry { get; }
    public IWorkflowDefinitionStore Definitions { get; }
    public IWorkflowInstanceStore Instances { get; }
    public EngineServices Services { get; }
    public IBurstScopeFactory Bursts { get; }
    public IBookmarkScheduler BookmarkScheduler { get; }

    /// <summary>Routes HTTP requests to the HttpEndpoints of the stored definitions.</summary>
    public Http.HttpWorkflowRouter Http => _http ??= new Http.HttpWorkflowRouter(this);

    private Http.HttpWorkflowRouter? _http;

    /// <summary>
    /// Compiles a definition version. Definitions it uses as activities resolve to the version the node names
    /// (<c>workflowDefinitionVersionId</c>), else to <paramref name="pins"/>, else to the version published now.
    /// </summary>
    public async Task<WorkflowBlueprint> CompileAsync(WorkflowDefinition definition, IReadOnlyDictionary<string, string>? pins = null, CancellationToken cancellationToken = default)
    {
        var dependencies = await LoadDependenciesAsync(definition, pins, cancellationToken);
        return WorkflowCompiler.Compile(definition, Registry, (type, version, json) => Resolve(dependencies, pins, type, version, json));
    }

    /// <summary>Compiles a definition version with its dependencies at the versions published now.</summary>
    public Task<WorkflowBlueprint> CompileAsync(WorkflowDefinition definition, CancellationToken cancellationToken) => CompileAsync(definition, null, cancellationToken);

    /// <summary>
    /// The compiled form of a version, to start an instance: definitions it uses as activities are taken at the versions
    /// published now, so publishing a new version of a child changes the next instance and not the running ones.
    /// </summary>
    public Task<WorkflowBlueprint> GetBlueprintAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        GetBlueprintAsync(definition, Definitions, cancellationToken);

    /// <summary>As <see cref="GetBlueprintAsync(WorkflowDefinition, CancellationToken)"/>, reading the published versions through <paramref name="definitions"/>.</summary>
    private async Task<WorkflowBlueprint> GetBlueprintAsync(WorkflowDefinition definition, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var contentKey = definition.IsPublished ? "published" : definition.Document.ToJsonString().GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dependencyIds = _dependencyIds.GetValueOrDefault(definition.Id + "|" + contentKey);
        if (dependencyIds is null)
        {
            // First sight of this version: compile once to learn which definitions it uses.
            var probe = await CompileAsync(definition, null, cancellationToken);
            dependencyIds = probe.Dependencies.Keys.ToList();
            _dependencyIds[definition.Id + "|" + contentKey] = dependencyIds;
        }

        if (definition.IsPublished)
            _publishedDependencies[definition.DefinitionId] = dependencyIds;

        var pins = dependencyIds.Count == 0
            ? Empty
            : await definitions.FindPublishedVersionIdsAsync(dependencyIds, cancellationToken);
        return await GetPinnedBlueprintAsync(definition, contentKey, pins, cancellationToken);
    }

    /// <summary>
    /// The blueprint this runtime compiled already for the version of <paramref name="definitionId"/> published now,
    /// with its dependencies at the versions published now, found by version ids alone (one small query): a start does
    /// not read and parse the definition's document again. Null when it was not compiled yet (or a dependency is not
    /// published): the caller takes the long way, which compiles and caches it.
    /// </summary>
    /// <remarks>
    /// A published version's content does not change (an edit makes a new version; <see cref="Invalidate"/> forgets a
    /// version whose stored content did change), which is what the blueprint cache's "published" key relies on too.
    /// </remarks>
    private async Task<WorkflowBlueprint?> FindCompiledPublishedAsync(string definitionId, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        // The dependencies the definition's last compiled version had are asked for in the same query.
        var known = _publishedDependencies.GetValueOrDefault(definitionId) ?? [];
        var published = await definitions.FindPublishedVersionIdsAsync([definitionId, .. known], cancellationToken);
        if (!published.TryGetValue(definitionId, out var versionId) || _dependencyIds.GetValueOrDefault(versionId + "|published") is not { } dependencyIds)
            return null;
        if (!dependencyIds.TrueForAll(known.Contains))
            published = await definitions.FindPublishedVersionIdsAsync(dependencyIds, cancellationToken);
        var pins = dependencyIds.Where(published.ContainsKey).ToDictionary(id => id, id => published[id], StringComparer.Ordinal);
        return _compiled.GetValueOrDefault(Key(versionId, "published", pins));
    }

    /// <summary>The compiled form of a stored version with its dependencies pinned (resuming an instance).</summary>
    public async Task<WorkflowBlueprint> GetBlueprintAsync(string versionId, IReadOnlyDictionary<string, string> pins, CancellationToken cancellationToken = default)
    {
        if (_compiled.TryGetValue(Key(versionId, "published", pins), out var blueprint))
            return blueprint;
        var definition = await Definitions.FindByVersionIdAsync(versionId, cancellationToken)
            ?? throw new InvalidOperationException($"Definition version {versionId} is no longer stored.");
        var contentKey = definition.IsPublished ? "published" : definition.Document.ToJsonString().GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await GetPinnedBlueprintAsync(definition, contentKey, pins, cancellationToken);
    }

    /// <summary>Forgets what was compiled from a version whose stored content changed (an edit after a retract).</summary>
    public void Invalidate(string versionId)
    {
        foreach (var key in _compiled.Keys.Where(k => k.StartsWith(versionId + "|", StringComparison.Ordinal)).ToList())
            _compiled.TryRemove(key, out _);
        foreach (var key in _dependencyIds.Keys.Where(k => k.StartsWith(versionId + "|", StringComparison.Ordinal)).ToList())
            _dependencyIds.TryRemove(key, out _);
    }

    private async Task<WorkflowBlueprint> GetPinnedBlueprintAsync(WorkflowDefinition definition, string contentKey, IReadOnlyDictionary<string, string> pins, CancellationToken cancellationToken)
    {
        var key = Key(definition.Id, contentKey, pins);
        if (_compiled.TryGetValue(key, out var blueprint))
            return blueprint;
        blueprint = await CompileAsync(definition, pins, cancellationToken);
        // Cache only what the pins fully determine; a dependency resolved to "published now" may change.
        if (blueprint.Dependencies.Keys.All(pins.ContainsKey))
            _compiled[key] = blueprint;
        return blueprint;
    }

    private static string Key(string versionId, string contentKey, IReadOnlyDictionary<string, string> pins) =>
        versionId + "|" + contentKey + "|" + string.Join(";", pins.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    /// <summary>Starts the published version of a definition; it is looked up within the start's burst.</summary>
    public Task<RunResult> StartAsync(string definitionId, StartOptions options, CancellationToken cancellationToken = default) =>
        RunBurstAsync(
            async (burst, services) =>
            {
                var definitions = burst.Definitions ?? Definitions;
                var blueprint = await FindCompiledPublishedAsync(definitionId, definitions, cancellationToken);
                if (blueprint is null)
                {
                    var definition = await definitions.FindPublishedAsync(definitionId, cancellationToken) ?? throw new WorkflowNotFoundException(definitionId);
                    blueprint = await GetBlueprintAsync(definition, definitions, cancellationToken);
                }

                return (await WorkflowExecutor.StartAsync(blueprint, options, services, cancellationToken), null);
            },
            async burst => options.InstanceId is null || await burst.FindInstanceAsync(options.InstanceId, cancellationToken) is null,
            cancellationToken);

    /// <summary>Starts a compiled definition and saves the instance.</summary>
    /// <remarks>
    /// A start that conflicts is run again unless its instance exists (a caller-chosen id used twice: the conflict is the
    /// caller's to answer); it conflicts otherwise when a row its activities changed (a case linked as a duplicate) was
    /// changed by another burst meanwhile.
    /// </remarks>
    public Task<RunResult> StartAsync(WorkflowBlueprint blueprint, StartOptions options, CancellationToken cancellationToken = default) =>
        RunBurstAsync(
            async (_, services) => (await WorkflowExecutor.StartAsync(blueprint, options, services, cancellationToken), null),
            async burst => options.InstanceId is null || await burst.FindInstanceAsync(options.InstanceId, cancellationToken) is null,
            cancellationToken);

    /// <summary>Resumes a bookmark; retries on the fresh state when another worker saved the instance first.</summary>
    public Task<RunResult> ResumeAsync(string instanceId, string bookmarkId, object? input = null, CancellationToken cancellationToken = default) =>
        ResumeAsync(instanceId, bookmarks => bookmarks.FirstOrDefault(b => b.Id == bookmarkId)?.Id ?? bookmarkId, input, cancellationToken);

    private Task<RunResult> ResumeAsync(string instanceId, Func<List<Bookmark>, string> selectBookmark, object? input, CancellationToken cancellationToken) =>
        RunBurstAsync(
            async (burst, services) =>
            {
                var (context, instance) = await RestoreRunningAsync(burst, instanceId, services, cancellationToken);
                await WorkflowExecutor.ResumeAsync(context, selectBookmark(context.Bookmarks), input, cancellationToken);
                return (context, instance);
            },
            static _ => Task.FromResult(true),
            cancellationToken);

    /// <summary>The stored instance, restored for a burst; it must still be running.</summary>
    private async Task<(WorkflowExecutionContext Context, WorkflowInstance Instance)> RestoreRunningAsync(IBurstScope burst, string instanceId, EngineServices services, CancellationToken cancellationToken)
    {
        var instance = await burst.FindInstanceAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        var blueprint = await GetBlueprintAsync(instance.DefinitionVersionId, instance.Dependencies, cancellationToken);
        var context = WorkflowStateSerializer.Restore(blueprint, instance, services);
        if (context.Status != WorkflowStatus.Running)
            throw new InstanceNotRunningException(instanceId, context.SubStatus);
        return (context, instance);
    }

    /// <summary>
    /// Runs one burst in its own unit of work and saves it; on a conflict runs it again in a fresh one, as long as
    /// <paramref name="retry"/> agrees. Timers and post-commit work are handed over once the scope is closed.
    /// </summary>
    private async Task<RunResult> RunBurstAsync(
        Func<IBurstScope, EngineServices, Task<(WorkflowExecutionContext Context, WorkflowInstance? Loaded)>> execute,
        Func<IBurstScope, Task<bool>> retry,
        CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            WorkflowExecutionContext context;
            var measurement = BurstMeasurement.Start(operation, attempt);
            try
            {
                await using var burst = await Bursts.BeginAsync(cancellationToken);
                (context, var loaded) = await execute(burst, Services.WithHostServices(burst.Services ?? Services.HostServices).WithDefinitions(burst.Definitions ?? Definitions));
                measurement.Ran(context);
                try
                {
                    await BurstMeasurement.CommitAsync(burst, ToCommit(context, loaded), cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    var again = await retry(burst);
                    measurement.Conflicted(again);
                    if (!again)
                        throw;
                    _logger.LogDebug("Instance {InstanceId} or a row its burst changed was saved by another worker first; running the burst again (attempt {Attempt}).", context.InstanceId, attempt);
                    continue;
                }
            }
            finally
            {
                measurement.Dispose();
            }

            await HandOverAsync(context, cancellationToken);
            return ToResult(context);
        }
    }

    /// <summary>Delivers an event to every instance waiting for it (optionally one correlation id or one instance).</summary>
    public async Task PublishEventAsync(string eventName, string? correlationId, string? instanceId, JsonNode? payload, CancellationToken cancellationToken = default)
    {
        var bookmarks = await Instances.FindBookmarksAsync(Activities.Events.Event.BookmarkName, eventName, correlationId, instanceId, cancellationToken);
        foreach (var bookmark in bookmarks)
        {
            try
            {
                await ResumeAsync(bookmark.WorkflowInstanceId, bookmark.BookmarkId, payload, cancellationToken);
            }
            catch (Exception e) when (e is BookmarkNotFoundException or InstanceNotRunningException)
            {
                // Another delivery consumed it first, or ended its instance (an earlier bookmark of the same instance).
            }
        }
    }

    /// <summary>Completes a human task with the handler's outcome.</summary>
    public async Task<RunResult> CompleteTaskAsync(string taskId, TaskCompletion completion, CancellationToken cancellationToken = default)
    {
        // Task ids start with their instance id (HumanTask.NewTaskId), which saves a look-up in the bookmark index.
        var instanceId = HumanTask.InstanceIdOf(taskId);
        if (instanceId is null)
        {
            var bookmarks = await Instances.FindBookmarksAsync(HumanTask.BookmarkName, taskId, cancellationToken: cancellationToken);
            instanceId = (bookmarks.Count > 0 ? bookmarks[0] : null)?.WorkflowInstanceId ?? throw new TaskNotFoundException(taskId);
        }

        try
        {
            return await ResumeAsync(instanceId, bookmarks => bookmarks.Find(b => b.Name == HumanTask.BookmarkName && b.Hash == taskId)?.Id ?? throw new TaskNotFoundException(taskId), completion, cancellationToken);
        }
        catch (Exception e) when (e is InstanceNotFoundException or InstanceNotRunningException)
        {
            throw new TaskNotFoundException(taskId);
        }
    }

    /// <summary>Resumes every timer due by <paramref name="now"/>; returns how many fired.</summary>
    public async Task<int> ResumeDueTimersAsync(DateTimeOffset now, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        var fired = 0;
        foreach (var bookmark in await Instances.FindDueBookmarksAsync(now, batchSize, cancellationToken))
        {
            try
            {
                await ResumeAsync(bookmark.WorkflowInstanceId, bookmark.BookmarkId, null, cancellationToken);
                fired++;
            }
            catch (Exception e) when (e is BookmarkNotFoundException or InstanceNotRunningException or InstanceNotFoundException)
            {
                // Fired by another worker, or the instance ended meanwhile.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken instance must not hold up every timer due after it; it is retried at the next sweep.
                _logger.LogError(e, "Timer bookmark {BookmarkId} of instance {InstanceId} could not be resumed.", bookmark.BookmarkId, bookmark.WorkflowInstanceId);
            }
        }

        return fired;
    }

    /// <summary>The instance as stored now (it may have moved on since a call returned: a child it waited for finished).</summary>
    public async Task<RunResult> GetResultAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await Instances.FindAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        var blueprint = await GetBlueprintAsync(instance.DefinitionVersionId, instance.Dependencies, cancellationToken);
        return ToResult(WorkflowStateSerializer.Restore(blueprint, instance, Services));
    }

    /// <summary>Cancels a running instance.</summary>
    public Task<RunResult> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RunBurstAsync(
            async (burst, services) =>
            {
                var (context, instance) = await RestoreRunningAsync(burst, instanceId, services, cancellationToken);
                WorkflowExecutor.Cancel(context);
                return (context, instance);
            },
            static _ => Task.FromResult(true),
            cancellationToken);

    /// <summary>What the burst of <paramref name="context"/> changed, which started from <paramref name="loaded"/> (null: a new instance).</summary>
    private static WorkflowCommit ToCommit(WorkflowExecutionContext context, WorkflowInstance? loaded)
    {
        var expectedRevision = loaded?.Revision ?? 0;
        var instance = WorkflowStateSerializer.ToInstance(context, expectedRevision + 1);
        // A task whose bookmark the same burst removed again (a branch cancelled at once) is nobody's work.
        var tasks = context.CreatedTasks.Count == 0
            ? []
            : context.CreatedTasks.Where(t => context.AddedBookmarks.Exists(b => b.Id == t.BookmarkId)).ToList();
        return new WorkflowCommit(instance, expectedRevision, context.AddedBookmarks, context.RemovedBookmarks, context.Journal, context.Records.Values.ToList())
        {
            Tasks = tasks,
            CompletedTasks = context.CompletedTasks,
            Previous = loaded,
        };
    }

    /// <summary>After a burst was saved: its lines, its timers, and the work its activities handed over.</summary>
    private async Task HandOverAsync(WorkflowExecutionContext context, CancellationToken cancellationToken)
    {
        context.FlushLines();
        foreach (var bookmark in context.RemovedBookmarks)
            if (bookmark.ResumeAt is not null)
                await BookmarkScheduler.UnscheduleAsync(context.InstanceId, bookmark, cancellationToken);
        foreach (var bookmark in context.AddedBookmarks)
            if (bookmark.ResumeAt is not null)
                await BookmarkScheduler.ScheduleAsync(context.InstanceId, bookmark, cancellationToken);
        foreach (var action in context.PostCommitActions)
        {
            try
            {
                await action(this, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The instance is saved; a failed hand-over is logged, not rolled back (its bookmark still waits).
                _logger.LogError(e, "Hand-over after saving instance {InstanceId} failed.", context.InstanceId);
            }
        }

        await Activities.Composition.ChildWorkflows.NotifyParentAsync(this, context, cancellationToken);
    }

    private static RunResult ToResult(WorkflowExecutionContext context) => new(
        context.InstanceId,
        context.Status,
        context.SubStatus,
        new Dictionary<string, object?>(context.Output, StringComparer.OrdinalIgnoreCase),
        context.Bookmarks.ToList(),
        context.Incidents.ToList());

    private async Task<List<WorkflowDefinition>> LoadDependenciesAsync(WorkflowDefinition definition, IReadOnlyDictionary<string, string>? pins, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        var pending = new Stack<WorkflowDefinition>();
        pending.Push(definition);
        IReadOnlyList<WorkflowDefinition>? usable = null;
        while (pending.TryPop(out var current))
        {
            foreach (var node in Walk(current.Root))
            {
                var type = node["type"]?.GetValue<string>();
                var version = node["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 1;
                if (type is null || Registry.Find(type, version) is not null)
                    continue;
                WorkflowDefinition? dependency = null;
                var definitionId = node["workflowDefinitionId"]?.GetValue<string>();
                var versionId = node["workflowDefinitionVersionId"]?.GetValue<string>()
                    ?? (definitionId is not null && pins is not null ? pins.GetValueOrDefault(definitionId) : null);
                if (versionId is not null)
                    dependency = await Definitions.FindByVersionIdAsync(versionId, cancellationToken);
                // As Elsa: the version asked for, else the published one, else the latest draft.
                if (dependency is null && definitionId is not null)
                    dependency = await Definitions.FindPublishedAsync(definitionId, cancellationToken)
                        ?? await Definitions.FindLatestAsync(definitionId, cancellationToken);
                if (dependency is null)
                {
                    usable ??= await Definitions.ListUsableAsActivitiesAsync(cancellationToken);
                    dependency = usable.FirstOrDefault(d => d.ActivityTypeName == type && (pins is null || !pins.TryGetValue(d.DefinitionId, out var pinned) || pinned == d.Id))
                        ?? usable.FirstOrDefault(d => d.ActivityTypeName == type);
                    if (dependency is not null && pins is not null && pins.TryGetValue(dependency.DefinitionId, out var pinnedId) && pinnedId != dependency.Id)
                        dependency = await Definitions.FindByVersionIdAsync(pinnedId, cancellationToken) ?? dependency;
                }

                if (dependency is not null && found.TryAdd(dependency.Id, dependency))
                    pending.Push(dependency);
            }
        }

        return found.Values.ToList();
    }

    private static WorkflowDefinition? Resolve(List<WorkflowDefinition> dependencies, IReadOnlyDictionary<string, string>? pins, string type, int version, JsonObject node)
    {
        var definitionId = node["workflowDefinitionId"]?.GetValue<string>();
        var versionId = node["workflowDefinitionVersionId"]?.GetValue<string>()
            ?? (definitionId is not null && pins is not null ? pins.GetValueOrDefault(definitionId) : null);
        return dependencies.Find(d => versionId is not null && d.Id == versionId)
            ?? dependencies.Find(d => definitionId is not null && d.DefinitionId == definitionId && d.IsPublished)
            ?? dependencies.Where(d => definitionId is not null && d.DefinitionId == definitionId).MaxBy(d => d.Version)
            ?? dependencies.Find(d => d.ActivityTypeName == type && (pins is null || !pins.TryGetValue(d.DefinitionId, out var pinned) || pinned == d.Id))
            ?? dependencies.Find(d => d.ActivityTypeName == type);
    }

    /// <summary>An activity node and every activity node below it, including the roots of containers' children.</summary>
    internal static IEnumerable<JsonObject> Walk(JsonObject node)
    {
        yield return node;
        foreach (var (_, value) in node)
        {
            if (value is JsonArray array)
            {
                foreach (var item in array)
                    if (item is JsonObject child && child["type"] is JsonValue && child["id"] is JsonValue)
                        foreach (var descendant in Walk(child))
                            yield return descendant;
            }
            else if (value is JsonObject obj && obj["type"] is JsonValue && obj["id"] is JsonValue && obj["version"] is JsonValue)
            {
                foreach (var descendant in Walk(obj))
                    yield return descendant;
            }
        }
    }
}

/// <summary>No instance with that id exists.</summary>
public sealed class InstanceNotFoundException(string instanceId) : Exception($"No workflow instance '{instanceId}' exists.")
{
    public string InstanceId { get; } = instanceId;
}

/// <summary>The instance has ended and cannot be resumed.</summary>
public sealed class InstanceNotRunningException(string instanceId, WorkflowSubStatus subStatus)
    : Exception($"Workflow instance '{instanceId}' is {subStatus} and cannot be resumed.")
{
    public string InstanceId { get; } = instanceId;
    public WorkflowSubStatus SubStatus { get; } = subStatus;
}

/// <summary>No open task with that id exists.</summary>
public sealed class TaskNotFoundException(string taskId) : Exception($"No open task '{taskId}' exists.")
{
    public string TaskId { get; } = taskId;
}
