using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Outbox;

/// <summary>One line of a case's delivery log: a try at sending one of its notices, or a notice still waiting for its first.</summary>
/// <param name="At">When it was tried (or written, while queued).</param>
/// <param name="Kind">The kind of notice.</param>
/// <param name="Channel">E-mail or text message.</param>
/// <param name="Recipient">The recipient key (<c>unit:…</c>, <c>role:…</c>, <c>citizen</c>).</param>
/// <param name="Address">The address, masked.</param>
/// <param name="Try">Which try (0 while queued).</param>
/// <param name="Outcome"><c>Queued</c>, <c>Sent</c>, <c>Failed</c> or <c>GivenUp</c>.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="NextAttemptAt">When it is tried again.</param>
public sealed record DeliveryLogEntry(
    DateTimeOffset At, NotificationKind Kind, OutboxChannel Channel, string Recipient, string Address, int Try, string Outcome, string? Error, DateTimeOffset? NextAttemptAt);

/// <summary>The delivery log of a case, shown with its timeline (the body of a message is never shown: it may carry a rating link).</summary>
public static class DeliveryLog
{
    /// <summary>The log of <paramref name="caseId"/>, oldest first.</summary>
    public static async Task<List<DeliveryLogEntry>> OfCaseAsync(HotlineDbContext db, Guid caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == caseId)
            .Select(m => new { m.Id, m.Kind, m.Channel, m.Recipient, m.Address, m.Attempts, m.CreatedAt, m.NextAttemptAt }).ToListAsync(cancellationToken);
        if (messages.Count == 0)
            return [];
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        var byId = messages.ToDictionary(m => m.Id);
        var tried = attempts.Where(a => byId.ContainsKey(a.MessageId)).Select(a =>
        {
            var m = byId[a.MessageId];
            return new DeliveryLogEntry(a.At, m.Kind, m.Channel, m.Recipient, OutboxMessage.Mask(m.Channel, m.Address), a.Number, a.Outcome.ToString(), a.Error, a.NextAttemptAt);
        });
        var queued = messages.Where(m => m.Attempts == 0).Select(m =>
            new DeliveryLogEntry(m.CreatedAt, m.Kind, m.Channel, m.Recipient, OutboxMessage.Mask(m.Channel, m.Address), 0, "Queued", null, m.NextAttemptAt));
        return [.. tried.Concat(queued).OrderBy(e => e.At).ThenBy(e => e.Try)];
    }
}
