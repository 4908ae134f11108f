using System.Text.Json.Nodes;

namespace Hotline.Workflows.Runtime;

/// <summary>Whether an instance can still make progress.</summary>
public enum WorkflowStatus
{
    /// <summary>Running or suspended.</summary>
    Running,

    /// <summary>Ended; <see cref="WorkflowSubStatus"/> says how.</summary>
    Finished,
}

/// <summary>Elsa's sub-status of an instance.</summary>
public enum WorkflowSubStatus
{
    /// <summary>Created, not yet run.</summary>
    Pending,

    /// <summary>Running now.</summary>
    Executing,

    /// <summary>Waiting on bookmarks.</summary>
    Suspended,

    /// <summary>Completed normally.</summary>
    Finished,

    /// <summary>Cancelled by a user or system.</summary>
    Cancelled,

    /// <summary>Ended by an unhandled fault.</summary>
    Faulted,
}

/// <summary>Status of one activity execution.</summary>
public enum ActivityStatus
{
    /// <summary>Scheduled.</summary>
    Pending,

    /// <summary>Started, maybe waiting on a bookmark.</summary>
    Running,

    /// <summary>Completed.</summary>
    Completed,

    /// <summary>Cancelled before it completed.</summary>
    Canceled,

    /// <summary>Threw.</summary>
    Faulted,
}

/// <summary>A point where an instance waits for a stimulus (a timer, an event, a human task).</summary>
public sealed class Bookmark
{
    /// <summary>Bookmark id.</summary>
    public required string Id { get; init; }

    /// <summary>The stimulus kind, usually the activity type (<c>Elsa.Event</c>, <c>Elsa.Delay</c>, ...).</summary>
    public required string Name { get; init; }

    /// <summary>A key that identifies the stimulus (an event name, a task id) for look-ups.</summary>
    public string? Hash { get; init; }

    /// <summary>A small payload record describing the wait.</summary>
    public JsonNode? Payload { get; init; }

    /// <summary>Node id of the waiting activity.</summary>
    public required string ActivityNodeId { get; init; }

    /// <summary>Id of the waiting activity execution context.</summary>
    public required string ActivityInstanceId { get; init; }

    /// <summary>When the bookmark was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>For timers: when to resume.</summary>
    public DateTimeOffset? ResumeAt { get; init; }
}

/// <summary>One journal line: an activity Started, Completed, Suspended, Resumed, Faulted or Canceled.</summary>
public sealed class JournalEntry
{
    private string? _id;

    /// <summary>
    /// The line's id: the stored one when read back, else made when first read (when the line is stored or shown). A
    /// burst writes two lines per activity, and making their ids as they were written was ~6 % of the engine's time in
    /// memory, where most lines are never stored.
    /// </summary>
    public string Id
    {
        get => _id ?? Interlocked.CompareExchange(ref _id, IdGenerator.New(), null) ?? _id;
        init => _id = value;
    }

    public required string WorkflowInstanceId { get; init; }
    public required string ActivityInstanceId { get; init; }
    public string? ParentActivityInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityTypeVersion { get; init; }
    public string? ActivityName { get; init; }
    public required string NodeId { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public long Sequence { get; init; }
    public required string EventName { get; init; }
    public string? Message { get; init; }
    public JsonNode? Payload { get; init; }
}

/// <summary>The record of one activity execution, as the instance viewer shows it.</summary>
public sealed class ActivityExecutionRecord
{
    public required string Id { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityType { get; init; }
    public int ActivityTypeVersion { get; init; }
    public string? ActivityName { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public ActivityStatus Status { get; set; }
    public bool HasBookmarks { get; set; }
    public JsonObject? Outputs { get; set; }
    public JsonObject? Payload { get; set; }
    public JsonObject? Exception { get; set; }
    public string? SchedulingActivityExecutionId { get; init; }
    public int CallStackDepth { get; init; }
}

/// <summary>A fault recorded on an instance: the activity and the exception.</summary>
public sealed class Incident
{
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityType { get; init; }
    public required string Message { get; init; }
    public required string ExceptionType { get; init; }
    public string? StackTrace { get; init; }
    public DateTimeOffset Timestamp { get; init; }
}

/// <summary>A human task handed to the task dispatcher by a waiting activity.</summary>
public sealed record TaskRequest(
    string TaskId,
    string TaskName,
    string WorkflowInstanceId,
    string ActivityNodeId,
    string BookmarkId,
    IReadOnlyList<string> PossibleOutcomes,
    JsonNode? Payload,
    string? Assignee,
    string? CorrelationId);

/// <summary>What the handler of a human task chose.</summary>
/// <param name="Outcome">The outcome port to continue on.</param>
/// <param name="Result">What the handler submitted (the answer, a reason, a chosen unit...).</param>
/// <param name="CompletedBy">Who completed the task (a user name or unit code), for the host's records.</param>
public sealed record TaskCompletion(string Outcome, JsonNode? Result = null, string? CompletedBy = null);

/// <summary>A human task the burst completed: which task, what the handler chose, and when.</summary>
/// <param name="TaskId">The task (the bookmark's hash).</param>
/// <param name="Completion">The handler's outcome, result and name.</param>
/// <param name="At">When the burst completed it.</param>
public sealed record CompletedTask(string TaskId, TaskCompletion Completion, DateTimeOffset At);
