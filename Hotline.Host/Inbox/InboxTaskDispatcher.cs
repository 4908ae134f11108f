using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities.Tasks;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Inbox;

/// <summary>
/// The engine's <see cref="ITaskDispatcher"/> in the host: puts each human task into the <see cref="InboxTask"/> table.
/// Idempotent: the row is keyed by the engine's task id, and a task already there is left as it is (it may have been
/// signed for since), so the engine, a retry or <see cref="InboxReconciler"/> may dispatch a task any number of times.
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
/// request's correlation id (a case id or number) or by the workflow instance id. A <c>caseId</c> naming no case is
/// dropped with a warning rather than losing the task.
/// </para>
/// </remarks>
public sealed class InboxTaskDispatcher(IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, ILogger<InboxTaskDispatcher> logger) : ITaskDispatcher
{
    /// <inheritdoc />
    public async Task DispatchAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.InboxTasks.AnyAsync(t => t.TaskId == request.TaskId, cancellationToken))
            return;

        var payload = request.Payload as JsonObject;
        var task = new InboxTask
        {
            TaskId = request.TaskId,
            CaseId = await ResolveCaseAsync(db, request, payload, cancellationToken),
            UnitCode = Text(payload, "unitCode") ?? request.Assignee,
            Kind = ParseKind(Text(payload, "kind")),
            TaskName = request.TaskName,
            Status = InboxTaskStatus.Open,
            PossibleOutcomes = request.PossibleOutcomes.ToList(),
            DueAt = Moment(payload, "dueAt", request.TaskId),
            SignDueAt = Moment(payload, "signDueAt", request.TaskId),
            CreatedAt = clock.GetUtcNow(),
            Payload = request.Payload?.ToStoredJson(),
            WorkflowInstanceId = request.WorkflowInstanceId,
            BookmarkId = request.BookmarkId,
            CorrelationId = request.CorrelationId,
        };
        db.Add(task);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Dispatched twice at once (the engine and the reconciler): the other insert won, which is the same task.
            if (!await ExistsAsync(request.TaskId, cancellationToken))
                throw;
        }
    }

    /// <summary>Reads the kind: <c>reviewReturn</c>, <c>ReviewReturn</c>, <c>review-return</c> and <c>review_return</c> are the same.</summary>
    public static InboxTaskKind ParseKind(string? kind)
    {
        var name = (kind ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<InboxTaskKind>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)
            ? parsed
            : InboxTaskKind.Other;
    }

    private async Task<bool> ExistsAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboxTasks.AnyAsync(t => t.TaskId == taskId, cancellationToken);
    }

    private async Task<Guid?> ResolveCaseAsync(HotlineDbContext db, TaskRequest request, JsonObject? payload, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (Text(payload, "caseId") is { } text)
        {
            if (Guid.TryParse(text, out var id) && await cases.AnyAsync(c => c.Id == id, cancellationToken))
                return id;
            logger.LogWarning("Task {TaskId} names case {CaseId}, which does not exist; the task is kept without a case.", request.TaskId, text);
            return null;
        }

        if (request.CorrelationId is { Length: > 0 } correlation)
        {
            var byCorrelation = Guid.TryParse(correlation, out var correlationId)
                ? await cases.Where(c => c.Id == correlationId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
                : await cases.Where(c => c.Number == correlation).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (byCorrelation is not null)
                return byCorrelation;
        }

        return await cases.Where(c => c.WorkflowInstanceId == request.WorkflowInstanceId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private DateTimeOffset? Moment(JsonObject? payload, string name, string taskId)
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
