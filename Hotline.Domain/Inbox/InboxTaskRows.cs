using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Inbox;

/// <summary>
/// Builds the <see cref="InboxTask"/> row of a human task the engine created, on the context that saves it: the commit
/// of the burst that created the task, so the row, the bookmark and the <c>TaskCreated</c> event are one transaction.
/// </summary>
/// <remarks>
/// <para>The task's <see cref="TaskRequest.Payload"/> (the <c>Payload</c> input of <c>Hotline.HumanTask</c>) is expected to be a JSON object:</para>
/// <code>
/// {
///   "caseId":    "0193f2c4-…",                // the case (Case.Id); optional
///   "unitCode":  "DH-02",                     // whose inbox; optional, defaults to the task's assignee
///   "kind":      "handle",                    // handle | reviewReturn | reviewExtension | reviewAnswer | callback |
///                                             // supervise | dispatch | reply (any case, '-' and '_' ignored); other → Other
///   "dueAt":     "2026-03-05T18:00:00+08:00", // when the work is due (ISO 8601 with offset); optional
///   "signDueAt": "2026-03-02T11:00:00+08:00"  // when it must be signed for; optional
/// }
/// </code>
/// <para>
/// Other properties are kept in <see cref="InboxTask.Payload"/>. Without a <c>caseId</c>, the case is found by the
/// request's correlation id (a case id or number) or by the workflow instance id, among the saved cases and those the
/// context tracks (a case registered in the same burst). A <c>caseId</c> naming no case is dropped with a warning
/// rather than losing the task.
/// </para>
/// </remarks>
public static class InboxTaskRows
{
    /// <summary>The row of <paramref name="request"/>, created at <paramref name="now"/>; not yet added to <paramref name="db"/>.</summary>
    /// <remarks>
    /// <paramref name="newInstance"/>: the task's instance is being created by this commit, so no saved case can belong
    /// to it yet (only one the same burst registered, which the context tracks): it is not looked for in the database.
    /// </remarks>
    public static async Task<InboxTask> CreateAsync(HotlineDbContext db, TaskRequest request, DateTimeOffset now, bool newInstance, ILogger logger, CancellationToken cancellationToken)
    {
        var payload = request.Payload as JsonObject;
        return new InboxTask
        {
            TaskId = request.TaskId,
            CaseId = await ResolveCaseAsync(db, request, payload, newInstance, logger, cancellationToken),
            UnitCode = Text(payload, "unitCode") ?? request.Assignee,
            Kind = ParseKind(Text(payload, "kind")),
            TaskName = request.TaskName,
            Status = InboxTaskStatus.Open,
            PossibleOutcomes = request.PossibleOutcomes.ToList(),
            DueAt = Moment(payload, "dueAt", request.TaskId, logger),
            SignDueAt = Moment(payload, "signDueAt", request.TaskId, logger),
            CreatedAt = now,
            Payload = request.Payload?.ToStoredJson(),
            WorkflowInstanceId = request.WorkflowInstanceId,
            BookmarkId = request.BookmarkId,
            CorrelationId = request.CorrelationId,
        };
    }

    /// <summary>Reads the kind: <c>reviewReturn</c>, <c>ReviewReturn</c>, <c>review-return</c> and <c>review_return</c> are the same.</summary>
    public static InboxTaskKind ParseKind(string? kind)
    {
        var name = (kind ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<InboxTaskKind>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)
            ? parsed
            : InboxTaskKind.Other;
    }

    private static async Task<Guid?> ResolveCaseAsync(HotlineDbContext db, TaskRequest request, JsonObject? payload, bool newInstance, ILogger logger, CancellationToken cancellationToken)
    {
        var local = db.Cases.Local;
        var cases = db.Cases.AsNoTracking();
        if (Text(payload, "caseId") is { } text)
        {
            if (Guid.TryParse(text, out var id) && (local.Any(c => c.Id == id) || await cases.AnyAsync(c => c.Id == id, cancellationToken)))
                return id;
            logger.LogWarning("Task {TaskId} names case {CaseId}, which does not exist; the task is kept without a case.", request.TaskId, text);
            return null;
        }

        if (request.CorrelationId is { Length: > 0 } correlation)
        {
            var isId = Guid.TryParse(correlation, out var correlationId);
            var byCorrelation = local.FirstOrDefault(c => isId ? c.Id == correlationId : c.Number == correlation)?.Id
                ?? (isId
                    ? await cases.Where(c => c.Id == correlationId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
                    : await cases.Where(c => c.Number == correlation).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken));
            if (byCorrelation is not null)
                return byCorrelation;
        }

        return local.FirstOrDefault(c => c.WorkflowInstanceId == request.WorkflowInstanceId)?.Id
            ?? (newInstance ? null : await cases.Where(c => c.WorkflowInstanceId == request.WorkflowInstanceId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken));
    }

    private static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static DateTimeOffset? Moment(JsonObject? payload, string name, string taskId, ILogger logger)
    {
        if (payload?[name] is JsonValue value && value.TryGetValue<DateTimeOffset>(out var typed))
            return typed;
        if (Text(payload, name) is not { } text)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return moment;
        logger.LogWarning("Task {TaskId}: {Name} '{Value}' is not an ISO 8601 moment; ignored.", taskId, name, text);
        return null;
    }
}
