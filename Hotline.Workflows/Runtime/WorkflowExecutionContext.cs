using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;

namespace Hotline.Workflows.Runtime;

/// <summary>One burst of execution of one instance: the live activity contexts, the scheduler, and what the burst produced.</summary>
public sealed class WorkflowExecutionContext
{
    private readonly Queue<WorkItem> _scheduler = new();

    internal WorkflowExecutionContext(WorkflowBlueprint blueprint, string instanceId, EngineServices services)
    {
        Blueprint = blueprint;
        InstanceId = instanceId;
        Services = services;
    }

    public WorkflowBlueprint Blueprint { get; }
    public string InstanceId { get; }
    public EngineServices Services { get; }
    public string? CorrelationId { get; set; }

    /// <summary>The instance's name (Elsa.SetName); the definition's name until set.</summary>
    public string? Name { get; set; }

    /// <summary>The instance's properties (Elsa's <c>WorkflowState.Properties</c>: <c>ParentInstanceId</c> of a child started by another).</summary>
    public JsonObject Properties { get; internal set; } = [];

    /// <summary>The outputs activities produced, for later scripts.</summary>
    public ActivityOutputRegister Outputs { get; } = new();
    public WorkflowStatus Status { get; internal set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; internal set; } = WorkflowSubStatus.Pending;
    public DateTimeOffset CreatedAt { get; internal set; }
    public DateTimeOffset? FinishedAt { get; internal set; }
    public ActivityExecutionContext? Root { get; internal set; }
    public Dictionary<string, ActivityExecutionContext> Contexts { get; } = new(StringComparer.Ordinal);
    public List<Bookmark> Bookmarks { get; } = [];
    public List<Incident> Incidents { get; } = [];
    public JsonObject Input { get; internal set; } = [];
    public JsonObject? Fault { get; internal set; }
    public long JournalSequence { get; internal set; }

    /// <summary>Journal lines written in this burst.</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Execution records created or changed in this burst.</summary>
    public Dictionary<string, ActivityExecutionRecord> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>Bookmarks created in this burst.</summary>
    public List<Bookmark> AddedBookmarks { get; } = [];

    /// <summary>Bookmarks consumed or removed in this burst (they may have been persisted earlier).</summary>
    public List<Bookmark> RemovedBookmarks { get; } = [];

    /// <summary>Incidents recorded in this burst.</summary>
    public List<Incident> NewIncidents { get; } = [];

    /// <summary>Lines written by Elsa.WriteLine in this burst, for the text output once the burst is saved.</summary>
    public List<string> PendingLines { get; } = [];

    /// <summary>Writes the burst's lines to the text output (after the burst was saved, or at once when nothing is saved).</summary>
    public void FlushLines()
    {
        foreach (var line in PendingLines)
            Services.TextOutput.WriteLine(InstanceId, line);
        PendingLines.Clear();
    }

    /// <summary>Human tasks created in this burst (see <see cref="Persistence.WorkflowCommit.Tasks"/>).</summary>
    public List<TaskRequest> CreatedTasks { get; } = [];

    /// <summary>Human tasks completed in this burst (see <see cref="Persistence.WorkflowCommit.CompletedTasks"/>).</summary>
    public List<CompletedTask> CompletedTasks { get; } = [];

    /// <summary>Work to hand over once the burst has been saved.</summary>
    public List<Func<WorkflowRuntime, CancellationToken, Task>> PostCommitActions { get; } = [];

    internal Queue<ActivityExecutionContext> PendingCompletions { get; } = new();

    /// <summary>The workflow's outputs (the root scope's outputs).</summary>
    public IReadOnlyDictionary<string, object?> Output => Root?.Scope?.Output ?? (IReadOnlyDictionary<string, object?>)_finishedOutput;

    private Dictionary<string, object?> _finishedOutput = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Restores the outputs of a finished instance (it has no root scope any more) from its stored state.</summary>
    internal void RestoreFinishedOutput(JsonObject? output)
    {
        foreach (var (name, value) in output ?? [])
        {
            var declared = Blueprint.Definition.Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            _finishedOutput[name] = Expressions.ValueConverter.FromJson(value, declared?.Type);
        }
    }

    internal readonly record struct WorkItem(ActivityExecutionContext Context, Bookmark? Bookmark, object? Input);

    internal ActivityExecutionContext Schedule(ActivityNode node, ActivityExecutionContext? parent, string? schedulingContextId)
    {
        var context = CreateContext(node, parent);
        context.SchedulingContextId = schedulingContextId ?? parent?.Id;
        _scheduler.Enqueue(new WorkItem(context, null, null));
        return context;
    }

    internal ActivityExecutionContext CreateContext(ActivityNode node, ActivityExecutionContext? parent, string? id = null, DateTimeOffset? startedAt = null)
    {
        var context = new ActivityExecutionContext(id ?? IdGenerator.New(), node, parent, this, startedAt ?? Now());
        Contexts[context.Id] = context;
        parent?.Children.Add(context);
        return context;
    }

    internal void ScheduleResume(ActivityExecutionContext context, Bookmark bookmark, object? input) =>
        _scheduler.Enqueue(new WorkItem(context, bookmark, input));

    /// <summary>
    /// Resumes another bookmark of this instance within this burst (a local event, a task the workflow itself completes),
    /// so what the resumed activity does is saved in the same commit as what resumed it. Returns false when the bookmark
    /// is not (any more) waiting.
    /// </summary>
    /// <exception cref="InvalidResumeInputException">The waiting activity refuses the input.</exception>
    public bool ResumeInBurst(Bookmark bookmark, object? input)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        if (!Bookmarks.Contains(bookmark) || !Contexts.TryGetValue(bookmark.ActivityInstanceId, out var context))
            return false;
        if (context.Activity.ValidateResumeInput(bookmark, input) is { } problem)
            throw new InvalidResumeInputException(InstanceId, bookmark.Id, problem);
        RemoveBookmark(bookmark);
        ScheduleResume(context, bookmark, input);
        return true;
    }

    /// <summary>The waiting bookmark with this id, or null.</summary>
    internal Bookmark? FindBookmark(string bookmarkId)
    {
        foreach (var bookmark in Bookmarks)
            if (bookmark.Id == bookmarkId)
                return bookmark;
        return null;
    }

    internal void AddBookmark(Bookmark bookmark)
    {
        Bookmarks.Add(bookmark);
        AddedBookmarks.Add(bookmark);
    }

    internal void RemoveBookmark(Bookmark bookmark)
    {
        if (!Bookmarks.Remove(bookmark))
            return;
        if (!AddedBookmarks.Remove(bookmark))
            RemovedBookmarks.Add(bookmark);
    }

    /// <summary>Cancelled when the burst running the instance is abandoned (the host is stopping, the caller went away).</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>Runs scheduled work until nothing is left: the instance has finished, faulted or is waiting on bookmarks.</summary>
    internal async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        SubStatus = WorkflowSubStatus.Executing;
        while (Status == WorkflowStatus.Running && _scheduler.TryDequeue(out var item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = item.Context;
            if (context.IsFinalized || context.Status is ActivityStatus.Completed or ActivityStatus.Canceled or ActivityStatus.Faulted)
                continue;
            _stepNow = null;
            try
            {
                context.BookmarksCreatedThisStep = 0;
                Diagnostics.WorkflowTelemetry.ActivityExecuted(context.Node.Type);
                ValueTask step;
                if (item.Bookmark is null)
                {
                    context.Status = ActivityStatus.Running;
                    WriteJournal(context, "Started");
                    step = context.Activity.ExecuteAsync(context);
                }
                else
                {
                    WriteJournal(context, "Resumed", payload: item.Bookmark.Payload?.DeepClone());
                    step = context.Activity.ResumeAsync(context, item.Bookmark, item.Input);
                }

                await AwaitStepAsync(step);
                if (context.Status == ActivityStatus.Running && context.BookmarksCreatedThisStep > 0)
                {
                    WriteJournal(context, "Suspended");
                    UpdateRecord(context);
                }

                await DrainCompletionsAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException && !Services.IsTransient(e))
            {
                FaultActivity(context, e);
            }
        }

        _stepNow = null;
        if (Status == WorkflowStatus.Running)
            SubStatus = WorkflowSubStatus.Suspended;
    }

    private DateTimeOffset? _stepNow;

    /// <summary>
    /// The time of the current step, read from the clock once when the step begins (its context, its Started line) and
    /// again only if the activity (or a container told of its completion) awaited work that did not finish at once (a
    /// request, a query): what follows is then stamped after it. A step that ran straight through stamps its Completed or
    /// Suspended line, its record and the completions it causes with the same reading. A read outside a step (the root's
    /// context before the first) is kept until the next step begins. The clock used to be read for every line, record
    /// and context, then twice per step (~34 ns a read, ~7 % of the engine's time).
    /// </summary>
    private DateTimeOffset Now() => _stepNow ??= Services.Clock.GetUtcNow();

    /// <summary>Awaits an activity's work; if it did not complete at once, the step's time is read again afterwards.</summary>
    private ValueTask AwaitStepAsync(ValueTask step)
    {
        if (step.IsCompletedSuccessfully)
        {
            step.GetAwaiter().GetResult();
            return ValueTask.CompletedTask;
        }

        return AwaitAndRestampAsync(step);
    }

    private async ValueTask AwaitAndRestampAsync(ValueTask step)
    {
        try
        {
            await step;
        }
        finally
        {
            _stepNow = null;
        }
    }

    private async ValueTask DrainCompletionsAsync()
    {
        while (PendingCompletions.TryDequeue(out var context))
        {
            if (context.IsFinalized)
                continue;
            FinalizeContext(context, ActivityStatus.Completed, "Completed");
            var parent = context.Parent;
            if (parent is null)
            {
                FinishWorkflow(WorkflowSubStatus.Finished);
                return;
            }

            if (parent.IsFinalized || parent.Status != ActivityStatus.Running)
                continue;
            try
            {
                await AwaitStepAsync(parent.Activity.OnChildCompletedAsync(parent, context, context.Result ?? Outcomes.Done));
            }
            catch (Exception e) when (e is not OperationCanceledException && !Services.IsTransient(e))
            {
                FaultActivity(parent, e);
                return;
            }
        }
    }

    internal void CompleteScope(ActivityExecutionContext boundary, Outcomes outcomes)
    {
        foreach (var child in boundary.Children.ToList())
            Cancel(child, notifyParent: false);
        if (boundary.Activity is IScopeBoundary scopeBoundary && boundary.Scope is not null)
            scopeBoundary.OnScopeCompleted(boundary);
        boundary.Complete(outcomes);
    }

    /// <summary>Cancels a context and its descendants, removing their bookmarks.</summary>
    internal void Cancel(ActivityExecutionContext context, bool notifyParent)
    {
        if (context.IsFinalized)
            return;
        if (context.Status == ActivityStatus.Completed)
        {
            // Completed but not yet processed (e.g. the Complete activity that ended its scope): record it as completed.
            FinalizeContext(context, ActivityStatus.Completed, "Completed");
            return;
        }

        foreach (var child in context.Children.ToList())
            Cancel(child, notifyParent: false);
        context.Status = ActivityStatus.Canceled;
        FinalizeContext(context, ActivityStatus.Canceled, "Canceled");
        if (notifyParent && context.Parent is { IsFinalized: false } parent)
            parent.Activity.OnChildCancelled(parent, context);
    }

    private void FinalizeContext(ActivityExecutionContext context, ActivityStatus status, string eventName)
    {
        if (context.Children.Count > 0)
            foreach (var child in context.Children.ToList())
                Cancel(child, notifyParent: false);
        for (var i = Bookmarks.Count - 1; i >= 0; i--)
            if (Bookmarks[i].ActivityInstanceId == context.Id)
                RemoveBookmark(Bookmarks[i]);
        context.IsFinalized = true;
        context.Status = status;
        WriteJournal(context, eventName);
        UpdateRecord(context, completed: true);
        context.Parent?.Children.Remove(context);
        Contexts.Remove(context.Id);
    }

    private void FaultActivity(ActivityExecutionContext context, Exception exception)
    {
        var root = exception is ExpressionEvaluationException or WorkflowFaultException ? exception : exception.GetBaseException();
        var incident = new Incident
        {
            ActivityId = context.Node.Id,
            ActivityNodeId = context.Node.NodeId,
            ActivityType = context.Node.Type,
            Message = root.Message,
            ExceptionType = root.GetType().FullName ?? root.GetType().Name,
            StackTrace = root.StackTrace,
            Timestamp = Services.Clock.GetUtcNow(),
        };
        Incidents.Add(incident);
        NewIncidents.Add(incident);
        context.Status = ActivityStatus.Faulted;
        WriteJournal(context, "Faulted", root.Message);
        var record = UpdateRecord(context, completed: true);
        record.Exception = new JsonObject { ["type"] = incident.ExceptionType, ["message"] = incident.Message, ["stackTrace"] = incident.StackTrace };
        Fault = new JsonObject { ["message"] = root.Message, ["faultedActivityId"] = context.Node.Id, ["exception"] = new JsonObject { ["type"] = incident.ExceptionType, ["message"] = incident.Message } };
        FinishWorkflow(WorkflowSubStatus.Faulted);
    }

    internal void FinishWorkflow(WorkflowSubStatus subStatus)
    {
        if (Root?.Scope is { } scope)
            _finishedOutput = new Dictionary<string, object?>(scope.Output, StringComparer.OrdinalIgnoreCase);
        Status = WorkflowStatus.Finished;
        SubStatus = subStatus;
        FinishedAt = Services.Clock.GetUtcNow();
        _scheduler.Clear();
        PendingCompletions.Clear();
        while (Bookmarks.Count > 0)
            RemoveBookmark(Bookmarks[0]);
        if (subStatus == WorkflowSubStatus.Faulted || Contexts.Count == 0)
            return;
        foreach (var context in Contexts.Values.Where(c => !c.IsFinalized).ToList())
            if (context.Parent is null || context.Parent.IsFinalized)
                Cancel(context, notifyParent: false);
    }

    /// <summary>Cancels the whole instance.</summary>
    internal void CancelWorkflow()
    {
        if (Root is { IsFinalized: false } root)
            Cancel(root, notifyParent: false);
        FinishWorkflow(WorkflowSubStatus.Cancelled);
    }

    private void WriteJournal(ActivityExecutionContext context, string eventName, string? message = null, JsonNode? payload = null)
    {
        if (payload is null)
            payload = context.JournalDataOrNull is { Count: > 0 } ? context.JournalSnapshot() : null;
        else if (context.JournalDataOrNull is { Count: > 0 } data)
        {
            var merged = payload as JsonObject ?? [];
            foreach (var (key, value) in data)
                merged[key] = value?.DeepClone();
            payload = merged;
        }

        Journal.Add(new JournalEntry
        {
            WorkflowInstanceId = InstanceId,
            ActivityInstanceId = context.Id,
            ParentActivityInstanceId = context.Parent?.Id,
            ActivityId = context.Node.Id,
            ActivityType = context.Node.Type,
            ActivityTypeVersion = context.Node.Version,
            ActivityName = context.Node.Name,
            NodeId = context.Node.NodeId,
            Timestamp = Now(),
            Sequence = ++JournalSequence,
            EventName = eventName,
            Message = message,
            Payload = payload,
        });
    }

    private bool HasBookmarks(string contextId)
    {
        foreach (var bookmark in Bookmarks)
            if (bookmark.ActivityInstanceId == contextId)
                return true;
        return false;
    }

    private ActivityExecutionRecord UpdateRecord(ActivityExecutionContext context, bool completed = false)
    {
        var record = new ActivityExecutionRecord
        {
            Id = context.Id,
            WorkflowInstanceId = InstanceId,
            ActivityId = context.Node.Id,
            ActivityNodeId = context.Node.NodeId,
            ActivityType = context.Node.Type,
            ActivityTypeVersion = context.Node.Version,
            ActivityName = context.Node.Name,
            StartedAt = context.StartedAt,
            CompletedAt = completed ? Now() : null,
            Status = context.Status,
            HasBookmarks = HasBookmarks(context.Id),
            Outputs = context.OutputsSnapshot(),
            Payload = context.JournalSnapshot(),
            SchedulingActivityExecutionId = context.SchedulingContextId,
        };
        Records[context.Id] = record;
        return record;
    }
}
