using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Cases.Timeline;

/// <summary>
/// The data of timeline events, one record per kind of event (camelCase JSON in <see cref="CaseEvent.Data"/>). Writers
/// build the record; readers (indicators, the deadline recomputation) read it back as the same record with
/// <see cref="CaseEventData.Read{T}"/>, so a field is named once.
/// </summary>
public static class CaseEventData
{
    /// <summary>camelCase, nulls left out: the shape the timeline API shows.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Chinese text stays readable in the database (as StoredJson); these strings are never embedded in HTML as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The stored JSON of a record.</summary>
    public static string Write<T>(T data) => JsonSerializer.Serialize(data, Options);

    /// <summary>The record stored in an event's data; null when there is none or it is not an object of that shape.</summary>
    public static T? Read<T>(string? data) where T : class
    {
        if (string.IsNullOrEmpty(data))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(data, Options);
        }
        catch (JsonException)
        {
            // An event whose data has another shape counts as one without data: readers never fail on one bad row.
            return null;
        }
    }
}

/// <summary><see cref="CaseEventKind.Registered"/>.</summary>
public sealed record RegisteredData(CaseChannel Channel, CaseType Type, string? SubjectCode, CaseUrgency Urgency, string? SubmittedBy);

/// <summary><see cref="CaseEventKind.Dispatched"/>: by a routing rule (rule, explanation) or by a dispatcher (previous unit, note).</summary>
public sealed record DispatchedData(string LeadUnitCode, IReadOnlyList<string> AssistingUnitCodes, DateTimeOffset? DeadlineAt)
{
    /// <summary>The routing rule that chose the units.</summary>
    public string? Rule { get; init; }

    /// <summary>The subject the rule matched (the case's or a parent).</summary>
    public string? MatchedSubjectCode { get; init; }

    /// <summary>Why the rule chose these units.</summary>
    public string? Explanation { get; init; }

    /// <summary>The lead unit before a re-dispatch.</summary>
    public string? PreviousUnitCode { get; init; }

    /// <summary>The dispatcher's note.</summary>
    public string? Note { get; init; }
}

/// <summary><see cref="CaseEventKind.SubDispatched"/> (二级派单).</summary>
public sealed record SubDispatchedData(string? FromUnitCode, string UnitCode, string? Note);

/// <summary><see cref="CaseEventKind.DeadlineSet"/>: by a rule (rule, limit, unit) or recomputed when a calendar year was loaded (year, previous deadline).</summary>
public sealed record DeadlineSetData(string Reason, DateTimeOffset DeadlineAt, bool Provisional)
{
    /// <summary>The name of the rule that chose the limit.</summary>
    public string? Rule { get; init; }

    /// <summary>The definition that chose the limit.</summary>
    public string? RuleDefinitionId { get; init; }

    /// <summary>Its version this case runs.</summary>
    public int? RuleVersion { get; init; }

    /// <summary>The limit.</summary>
    public int? Limit { get; init; }

    /// <summary>How the limit counts.</summary>
    public DeadlineUnit? Unit { get; init; }

    /// <summary>The calendar year whose loading moved the deadline.</summary>
    public int? Year { get; init; }

    /// <summary>The deadline before the recomputation.</summary>
    public DateTimeOffset? PreviousDeadlineAt { get; init; }
}

/// <summary><see cref="CaseEventKind.ExtensionApproved"/> (延期).</summary>
public sealed record ExtensionApprovedData(int Days, DateTimeOffset? PreviousDeadlineAt, DateTimeOffset DeadlineAt, bool Provisional);

/// <summary><see cref="CaseEventKind.AnsweredFromKnowledgeBase"/> (直接办结).</summary>
public sealed record AnsweredFromKnowledgeBaseData(string ArticleId, string Title);

/// <summary><see cref="CaseEventKind.Closed"/> (办结).</summary>
public sealed record ClosedData(string? Result, bool? Resolved, int ReopenCount);

/// <summary><see cref="CaseEventKind.Reopened"/> (重办).</summary>
public sealed record ReopenedData(int Round, string? Reason, string? UnitCode, WarningLevel PreviousWarning, int PreviousEscalationLevel);

/// <summary><see cref="CaseEventKind.Replied"/> (答复).</summary>
public sealed record RepliedData(string Text, string Channel);

/// <summary><see cref="CaseEventKind.CitizenRated"/> (好差评): the citizen's own rating and optional comment.</summary>
public sealed record CitizenRatedData(CitizenRating Rating, string? Comment);

/// <summary>A step of the supervision ladder: <see cref="CaseEventKind.WarningYellow"/>, <see cref="CaseEventKind.WarningRed"/>, <see cref="CaseEventKind.Escalated"/>, <see cref="CaseEventKind.SupervisionCheckpoint"/>.</summary>
public sealed record EscalationData(string? Name, DateTimeOffset? DeadlineAt, int? Level, string? Checkpoint);

/// <summary><see cref="CaseEventKind.Notified"/>.</summary>
public sealed record NotifiedData(NoticeRecipient Recipient, NoticeChannel Channel, string Text, string? UnitCode);

/// <summary><see cref="CaseEventKind.TaskCreated"/>.</summary>
public sealed record TaskCreatedData(string TaskId, string UnitCode, string Kind, DateTimeOffset? DueAt, DateTimeOffset SignDueAt);

/// <summary><see cref="CaseEventKind.SignedFor"/> (签收).</summary>
public sealed record SignedForData(string TaskId, string? UnitCode, string Kind, DateTimeOffset? SignDueAt, bool OnTime);

/// <summary>
/// The fact a handler reported when completing a task (<see cref="CaseEventKind.AnswerSubmitted"/>, <see cref="CaseEventKind.Returned"/>,
/// <see cref="CaseEventKind.CallbackRecorded"/>...): the task, and the handler's result object's own fields beside them.
/// </summary>
public sealed record TaskOutcomeData(string TaskId, string Kind, string Outcome, string UnitCode)
{
    /// <summary>The handler's result object's fields (answer, reason, satisfaction, resolved...), stored beside the task's.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Result { get; init; }

    /// <summary>A text field of the handler's result; null when missing or not text.</summary>
    public string? ResultText(string name) =>
        Result is not null && Result.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>A true/false field of the handler's result; null when missing or not a boolean.</summary>
    public bool? ResultFlag(string name) =>
        Result is not null && Result.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}

/// <summary><see cref="CaseEventKind.DuplicateLinked"/> (重复诉求): the other case, and whether this one repeats it or is repeated by it.</summary>
public sealed record DuplicateLinkedData(Guid CaseId, string Number, string Role);

/// <summary><see cref="CaseEventKind.Classified"/>: the category before and after, and why.</summary>
public sealed record ClassifiedData(CaseType PreviousType, CaseType Type, string? PreviousSubjectCode, string? SubjectCode, string Reason);

/// <summary><see cref="CaseEventKind.Voided"/> (作废).</summary>
public sealed record VoidedData(string Reason);

/// <summary><see cref="CaseEventKind.Merged"/> (并案): the case that answers for this one.</summary>
public sealed record MergedData(Guid IntoCaseId, string IntoNumber, string Reason);

/// <summary><see cref="CaseEventKind.MergeReceived"/> (并案): the case merged into this one.</summary>
public sealed record MergeReceivedData(Guid CaseId, string Number, string Reason);

/// <summary><see cref="CaseEventKind.Reassigned"/> (改派).</summary>
public sealed record ReassignedData(string? FromUnitCode, string ToUnitCode, string? Reason);

/// <summary><see cref="CaseEventKind.MarkedComplex"/> (疑难复杂): why, and the working days given (null: the rule's default).</summary>
public sealed record MarkedComplexData(string Reason, int? WorkingDays);

/// <summary><see cref="CaseEventKind.SupervisionInstructed"/> (督办意见): the instruction, and the lead unit it was given to.</summary>
public sealed record InstructionData(string Text, string? UnitCode);

/// <summary><see cref="CaseEventKind.SupervisionClosed"/>: the ladder level the item was at, the supervisor's note, the lead unit.</summary>
public sealed record SupervisionClosedData(int Level, string? Note, string? UnitCode);
