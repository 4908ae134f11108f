using System.Text.Json.Nodes;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;

namespace Hotline.Domain.Cases;

/// <summary>What the inbox tasks of a case record on it: a task put into an inbox, signed for, completed.</summary>
public sealed partial class Case
{
    /// <summary>A task was put into a unit's inbox.</summary>
    public void RecordTaskCreated(string taskId, string unitCode, string kind, DateTimeOffset? dueAt, DateTimeOffset signDueAt, DateTimeOffset at) =>
        Record(CaseEventKind.TaskCreated, CaseActor.System, at, new TaskCreatedData(taskId, unitCode, kind, dueAt?.ToUniversalTime(), signDueAt.ToUniversalTime()));

    /// <summary>签收: a unit signed for its task; signing for the handle task starts the handling.</summary>
    public void SignFor(string taskId, string? unitCode, string kind, bool isHandleTask, DateTimeOffset? signDueAt, CaseActor actor, DateTimeOffset at)
    {
        if (isHandleTask && Status == CaseStatus.Dispatched)
            Status = CaseStatus.Handling;
        Record(CaseEventKind.SignedFor, actor, at, new SignedForData(taskId, unitCode, kind, signDueAt?.ToUniversalTime(), signDueAt is null || at <= signDueAt));
    }

    /// <summary>
    /// Records the fact a handler reported by completing a task (the unit answered, returned the case, asked for more
    /// time; the centre accepted or refused...) and the state it implies. What happens next (re-dispatch, a new deadline,
    /// a second callback) is the graph's business. Returns false when the outcome is recorded by the graph's next step
    /// instead (a sub-dispatch, an approved extension, a desk dispatch).
    /// </summary>
    public bool RecordTaskOutcome(string taskId, string kind, string unitCode, string outcome, JsonObject? result, CaseActor actor, DateTimeOffset at)
    {
        if (TaskKinds.Normalize(kind) == "supervise")
            return DecideSupervision(outcome, result?["text"] is JsonValue text && text.TryGetValue<string>(out var s) ? s : null, actor, at);
        if (ApplyOutcome(TaskKinds.Normalize(kind), outcome) is not { } eventKind)
            return false;
        Record(eventKind, actor, at, new TaskOutcomeData(taskId, kind, outcome, unitCode) { Result = ResultFields(result) });
        return true;
    }

    /// <summary>The handler's result without the fields the event names itself (they would be written twice).</summary>
    private static Dictionary<string, System.Text.Json.JsonElement>? ResultFields(JsonObject? result)
    {
        if (result is null)
            return null;
        string[] own = ["taskId", "kind", "outcome", "unitCode"];
        return result.Where(p => !own.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => System.Text.Json.JsonSerializer.SerializeToElement(p.Value));
    }

    private CaseEventKind? ApplyOutcome(string kind, string outcome)
    {
        switch (kind, outcome)
        {
            case ("handle", "Completed"):
                Status = CaseStatus.AwaitingReview;
                return CaseEventKind.AnswerSubmitted;
            case ("handle", "Returned"):
                return CaseEventKind.Returned;
            case ("handle", "ExtensionRequested"):
                ExtensionPending = true;
                return CaseEventKind.ExtensionRequested;
            case ("reviewreturn", "Approved"):
                return CaseEventKind.ReturnAccepted;
            case ("reviewreturn", "Rejected"):
                return CaseEventKind.ReturnRejected;
            case ("reviewextension", "Rejected"):
                ExtensionPending = false;
                return CaseEventKind.ExtensionRefused;
            case ("reviewanswer", "Approved"):
                return CaseEventKind.AnswerAccepted;
            case ("reviewanswer", "Rejected"):
                Status = CaseStatus.Handling;
                return CaseEventKind.AnswerSentBack;
            case ("callback", "Unreachable"):
                return CaseEventKind.CallbackUnreachable;
            case ("callback", _):
                return CaseEventKind.CallbackRecorded;
            case ("assist", _):
                return CaseEventKind.AssistanceSubmitted;
            case ("qualitycheck", _):
                return CaseEventKind.QualityChecked;
            case ("secondcallback", _):
                return CaseEventKind.SecondCallbackRecorded;
            case ("progressreport", SupervisionDecisions.Reported):
                return CaseEventKind.ProgressReported;
            default:
                return null;
        }
    }
}

/// <summary>Task kinds as the definitions spell them (<c>review-answer</c>, <c>reviewAnswer</c>...), compared without separators or case.</summary>
public static class TaskKinds
{
    /// <summary>The kind in lower case without '-' or '_'.</summary>
    public static string Normalize(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
    }
}
