using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Inbox;
using Hotline.Host.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// What completing an inbox task does to the host's data, in the same commit as the workflow's resume: the inbox row
/// becomes <see cref="InboxTaskStatus.Completed"/> and the case's timeline records the fact the handler reported
/// (the unit submitted an answer, returned the case, asked for an extension; the centre accepted or refused...).
/// </summary>
/// <remarks>
/// Only facts are recorded here; what happens next (re-dispatch, a new deadline, a second callback) is the graph's
/// business and is recorded by the activities the graph runs. The event's data is the handler's result object plus
/// <c>taskId</c>, <c>kind</c>, <c>outcome</c> and <c>unitCode</c>, so indicators can be computed from the timeline.
/// </remarks>
internal sealed class TaskOutcomeEffect(Guid caseId, string taskId, string kind, string unitCode, TaskCompletion completion, DateTimeOffset at) : IDbEffect
{
    public async Task ApplyAsync(HotlineDbContext db, CancellationToken cancellationToken)
    {
        var task = db.InboxTasks.Local.FirstOrDefault(t => t.TaskId == taskId)
            ?? await db.InboxTasks.FirstOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
        var by = completion.CompletedBy ?? unitCode;
        if (task is { IsPending: true })
            task.Complete(by, at, completion.Outcome, completion.Result?.ToStoredJson());

        var @case = db.Cases.Local.FirstOrDefault(c => c.Id == caseId)
            ?? await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new KeyNotFoundException($"Case {caseId} does not exist.");
        if (Record(@case) is not { } kindOfEvent)
            return;
        var data = completion.Result is JsonObject result ? (JsonObject)result.DeepClone() : [];
        data["taskId"] = taskId;
        data["kind"] = kind;
        data["outcome"] = completion.Outcome;
        data["unitCode"] = unitCode;
        // Unit work is the unit's act (the person who completed it is named); the centre's work is the person's.
        var actor = IsUnitWork ? new CaseActor(CaseActorKind.Unit, unitCode, by) : new CaseActor(CaseActorKind.User, by, by);
        db.Append(@case, kindOfEvent, actor, at, data);
    }

    private bool IsUnitWork => InboxKinds.Normalize(kind) is "handle" or "assist";

    /// <summary>Applies the state change of the reported fact and says which event records it (null: none).</summary>
    private CaseEventKind? Record(Case @case)
    {
        switch (InboxKinds.Normalize(kind), completion.Outcome)
        {
            case ("handle", "Completed"):
                @case.Status = CaseStatus.AwaitingReview;
                return CaseEventKind.AnswerSubmitted;
            case ("handle", "Returned"):
                return CaseEventKind.Returned;
            case ("handle", "ExtensionRequested"):
                @case.ExtensionPending = true;
                return CaseEventKind.ExtensionRequested;
            case ("reviewreturn", "Approved"):
                return CaseEventKind.ReturnAccepted;
            case ("reviewreturn", "Rejected"):
                return CaseEventKind.ReturnRejected;
            case ("reviewextension", "Rejected"):
                @case.ExtensionPending = false;
                return CaseEventKind.ExtensionRefused;
            case ("reviewanswer", "Approved"):
                return CaseEventKind.AnswerAccepted;
            case ("reviewanswer", "Rejected"):
                @case.Status = CaseStatus.Handling;
                return CaseEventKind.AnswerSentBack;
            case ("callback", "Unreachable"):
                return CaseEventKind.CallbackUnreachable;
            case ("callback", _):
                return CaseEventKind.CallbackRecorded;
            case ("assist", _):
                return CaseEventKind.AssistanceSubmitted;
            default:
                // A sub-dispatch, an approved extension or a desk dispatch is recorded by the activity the graph runs next.
                return null;
        }
    }
}

/// <summary>Task kinds as the definitions spell them (<c>review-answer</c>, <c>reviewAnswer</c>...), compared without separators or case.</summary>
internal static class InboxKinds
{
    public static string Normalize(string kind) =>
        kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
