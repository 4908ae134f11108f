using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Runtime;

/// <summary>One execution of one activity: its status, its children, its state, and the API activities use.</summary>
public sealed class ActivityExecutionContext
{
    internal ActivityExecutionContext(string id, ActivityNode node, ActivityExecutionContext? parent, WorkflowExecutionContext workflow, DateTimeOffset startedAt)
    {
        Id = id;
        Node = node;
        Parent = parent;
        Workflow = workflow;
        StartedAt = startedAt;
    }

    public string Id { get; }
    public ActivityNode Node { get; }
    public Activity Activity => Node.Activity;
    public ActivityExecutionContext? Parent { get; }
    public WorkflowExecutionContext Workflow { get; }
    public List<ActivityExecutionContext> Children { get; } = [];
    public ActivityStatus Status { get; internal set; } = ActivityStatus.Pending;
    public DateTimeOffset StartedAt { get; }

    /// <summary>The context that scheduled this one, for the execution records.</summary>
    public string? SchedulingContextId { get; internal set; }

    /// <summary>Activity-specific state that survives suspension (tokens of a flowchart, the completed branches of a fork).</summary>
    public object? State { get; set; }

    /// <summary>The variables of the workflow this context opens, if it opens one.</summary>
    public WorkflowScope? Scope { get; internal set; }

    /// <summary>The outcomes it completed with.</summary>
    public Outcomes? Result { get; private set; }

    /// <summary>Output values recorded for the instance viewer.</summary>
    public JsonObject? RecordedOutputs { get; private set; }

    /// <summary>Data the activity adds to its journal entries and record (e.g. when a timer fires).</summary>
    public JsonObject JournalData
    {
        get
        {
            // Written lines and records share the object they were given; a change after that goes to a copy.
            if (_journalShared)
            {
                _journalData = (JsonObject)_journalData!.DeepClone();
                _journalShared = false;
            }

            return _journalData ??= [];
        }
    }

    internal JsonObject? JournalDataOrNull => _journalData;

    /// <summary>
    /// <see cref="JournalData"/> as it is now, for a journal line or a record: the object itself, which the activity
    /// no longer changes in place (<see cref="JournalData"/> copies it first). An activity writing a line of text used
    /// to copy it for each of its lines and its record.
    /// </summary>
    internal JsonObject? JournalSnapshot()
    {
        _journalShared = _journalData is not null;
        return _journalData;
    }

    /// <summary><see cref="RecordedOutputs"/> for a record, shared the same way (<see cref="Set"/> copies it before a change).</summary>
    internal JsonObject? OutputsSnapshot()
    {
        _outputsShared = RecordedOutputs is not null;
        return RecordedOutputs;
    }

    internal bool IsFinalized { get; set; }
    internal int BookmarksCreatedThisStep { get; set; }
    private JsonObject? _journalData;
    private bool _journalShared;
    private bool _outputsShared;

    /// <summary>Whether the activity has completed (its completion may still be being processed).</summary>
    public bool IsCompleted => Status == ActivityStatus.Completed;

    /// <summary>The clock.</summary>
    public TimeProvider Clock => Workflow.Services.Clock;

    /// <summary>Now, from the clock.</summary>
    public DateTimeOffset Now => Workflow.Services.Clock.GetUtcNow();

    /// <summary>Cancelled when the burst is abandoned; pass it to the work an activity awaits.</summary>
    public CancellationToken CancellationToken => Workflow.CancellationToken;

    /// <summary>The instance id.</summary>
    public string WorkflowInstanceId => Workflow.InstanceId;

    /// <summary>A service from the host, resolved in this burst's scope (<see cref="Persistence.IBurstScope.Services"/>).</summary>
    public T? GetService<T>() where T : class => Workflow.Services.HostServices?.GetService(typeof(T)) as T;

    /// <summary>A required service from the host.</summary>
    public T GetRequiredService<T>() where T : class =>
        GetService<T>() ?? throw new InvalidOperationException($"The host registered no {typeof(T).Name}; activity {Node} needs it.");

    /// <summary>Evaluates an input; <c>default</c> when it is not set.</summary>
    public T? Get<T>(Input<T>? input) => input is null ? default : (T?)Evaluate(input);

    /// <summary>Evaluates an input binding to its declared type.</summary>
    public object? Evaluate(InputBinding binding)
    {
        if (binding.HasConstant)
            return binding.Constant;
        try
        {
            return ExpressionEvaluator.Evaluate(binding.Expression, binding.ValueType, this);
        }
        catch (Exception e) when (e is not WorkflowFaultException)
        {
            throw new ExpressionEvaluationException($"Evaluating input '{binding.Name}' of {Node} ({binding.Expression.Type}: {binding.Expression.Text}) failed: {e.Message}", e);
        }
    }

    /// <summary>Sets an output: recorded for the viewer and written to the variable or workflow output it is bound to.</summary>
    public void Set(OutputBinding? output, object? value)
    {
        if (output is null)
            return;
        if (_outputsShared)
        {
            RecordedOutputs = (JsonObject)RecordedOutputs!.DeepClone();
            _outputsShared = false;
        }

        (RecordedOutputs ??= [])[output.Name] = ValueConverter.ToJson(value);
        Workflow.Outputs.Record(this, output.Name, value);
        if (output.MemoryId is { } memoryId)
            WriteMemory(memoryId, value);
    }

    /// <summary>The scope expressions of this activity see: the nearest enclosing workflow.</summary>
    public WorkflowScope? ExpressionScope => FirstScopeOwner()?.Scope;

    /// <summary>Reads a variable or, failing that, a workflow input, by name.</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
        {
            var scope = owner.Scope!;
            if (scope.TryGetVariable(name, out value))
                return true;
            if (scope.Input.TryGetValue(name, out value))
                return true;
        }

        value = null;
        return false;
    }

    /// <summary>Writes a variable by name; throws if no enclosing workflow declares it.</summary>
    public void SetVariable(string name, object? value)
    {
        if (!TrySetVariable(name, value))
            throw new InvalidOperationException($"No variable named '{name}' is declared.");
    }

    /// <summary>Writes a variable by name in the nearest enclosing workflow that declares it; false when none does.</summary>
    public bool TrySetVariable(string name, object? value)
    {
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
            if (owner.Scope!.TrySetVariable(name, value))
                return true;
        return false;
    }

    /// <summary>Reads a workflow input by name from the nearest enclosing workflow given it (not null).</summary>
    public bool TryGetInput(string name, out object? value)
    {
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
            if (owner.Scope!.Input.TryGetValue(name, out value))
                return true;
        value = null;
        return false;
    }

    /// <summary>Writes a memory block (variable id or output name).</summary>
    public void WriteMemory(string id, object? value)
    {
        WorkflowScope? nearest = null;
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
        {
            var scope = owner.Scope!;
            nearest ??= scope;
            if (scope.TryWriteMemory(id, value))
                return;
        }

        if (nearest is not null)
            nearest.Memory[id] = value;
    }

    /// <summary>Reads a memory block by id.</summary>
    public object? ReadMemory(string id)
    {
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
        {
            var scope = owner.Scope!;
            if (scope.Memory.TryGetValue(id, out var value))
                return value;
            if (scope.Output.TryGetValue(id, out value))
                return value;
        }

        return null;
    }

    // The nearest context that owns a scope (a workflow used as an activity looks past its own scope to its parent's),
    // and the next one out. The variable reads and writes walk with these directly: the Scopes() iterator allocated an
    // enumerator for every read and write.
    private ActivityExecutionContext? FirstScopeOwner()
    {
        var context = Scope is not null && Activity is IScopeBoundary ? Parent : this;
        while (context is { Scope: null })
            context = context.Parent;
        return context;
    }

    private static ActivityExecutionContext? NextScopeOwner(ActivityExecutionContext owner)
    {
        var context = owner.Parent;
        while (context is { Scope: null })
            context = context.Parent;
        return context;
    }

    /// <summary>Every enclosing scope, nearest first.</summary>
    public IEnumerable<WorkflowScope> Scopes()
    {
        for (var owner = FirstScopeOwner(); owner is not null; owner = NextScopeOwner(owner))
            yield return owner.Scope!;
    }

    /// <summary>Completes the activity through the given outcomes (default <c>Done</c>).</summary>
    public void Complete(Outcomes? outcomes = null)
    {
        if (Status is ActivityStatus.Completed or ActivityStatus.Canceled or ActivityStatus.Faulted)
            return;
        Status = ActivityStatus.Completed;
        Result = outcomes ?? Outcomes.Done;
        Workflow.PendingCompletions.Enqueue(this);
    }

    /// <summary>Completes through one named outcome.</summary>
    public void Complete(string outcome) => Complete(Outcomes.From(outcome));

    /// <summary>Ends the nearest enclosing workflow (the root, or a workflow used as an activity) with the given outcomes.</summary>
    public void CompleteComposite(Outcomes outcomes)
    {
        var boundary = Parent;
        while (boundary is not null && boundary.Activity is not IScopeBoundary && boundary.Parent is not null)
            boundary = boundary.Parent;
        boundary ??= this;
        Workflow.CompleteScope(boundary, outcomes);
    }

    /// <summary>Creates a bookmark: the activity will wait for it to be resumed.</summary>
    public Bookmark CreateBookmark(string name, string? hash = null, JsonNode? payload = null, DateTimeOffset? resumeAt = null)
    {
        var bookmark = new Bookmark
        {
            Id = IdGenerator.New(),
            Name = name,
            Hash = hash,
            Payload = payload,
            ActivityNodeId = Node.NodeId,
            ActivityInstanceId = Id,
            CreatedAt = Now,
            ResumeAt = resumeAt,
        };
        Workflow.AddBookmark(bookmark);
        BookmarksCreatedThisStep++;
        return bookmark;
    }

    /// <summary>Schedules a child activity of this (container) activity.</summary>
    public ActivityExecutionContext ScheduleChild(ActivityNode node, string? schedulingContextId = null) =>
        Workflow.Schedule(node, this, schedulingContextId);

    /// <summary>Cancels a running child and everything under it.</summary>
    public void CancelChild(ActivityExecutionContext child) => Workflow.Cancel(child, notifyParent: true);

    /// <summary>Writes a line of text (Elsa.WriteLine); it is written once the burst has been saved, so a retried burst does not repeat it.</summary>
    public void WriteLine(string? text) => Workflow.PendingLines.Add(text ?? "");

    /// <summary>
    /// Hands a human task to the task inbox with this burst: saved in the commit's transaction
    /// (<see cref="Persistence.WorkflowCommit.Tasks"/>). The task's bookmark must be created in the same burst; a task
    /// whose bookmark the burst removes again is dropped.
    /// </summary>
    public void CreateTask(TaskRequest request) => Workflow.CreatedTasks.Add(request);

    /// <summary>
    /// Records that the human task of <paramref name="bookmark"/> (being resumed) was completed, saved with this burst
    /// (<see cref="Persistence.WorkflowCommit.CompletedTasks"/>): the host's inbox marks its row completed in the same
    /// transaction.
    /// </summary>
    public void CompleteTask(Bookmark bookmark, TaskCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        ArgumentNullException.ThrowIfNull(completion);
        var taskId = bookmark.Payload?["taskId"]?.GetValue<string>() ?? bookmark.Hash ?? bookmark.Id;
        Workflow.CompletedTasks.Add(new CompletedTask(taskId, completion, Now));
    }

    /// <summary>Hands work to the host after the instance has been saved (publishing events).</summary>
    public void AfterCommit(Func<WorkflowRuntime, CancellationToken, Task> action) => Workflow.PostCommitActions.Add(action);
}

/// <summary>Marks an activity whose context opens a new workflow scope (a workflow used as an activity).</summary>
public interface IScopeBoundary
{
    /// <summary>Called when the scope completes, before the activity does: copies the scope's outputs out.</summary>
    void OnScopeCompleted(ActivityExecutionContext context);
}

/// <summary>Thrown to fault the workflow deliberately (Elsa.Fault).</summary>
public sealed class WorkflowFaultException(string message) : Exception(message);

/// <summary>An expression could not be evaluated.</summary>
public sealed class ExpressionEvaluationException(string message, Exception inner) : Exception(message, inner);
