using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Outbox;

/// <summary>
/// Delivers due outbox messages through the channels this host has. A message is first claimed by one conditional
/// update (only one worker finds it unclaimed, on any number of hosts), then sent, then its try recorded
/// (<see cref="DeliveryAttempt"/>): sent; failed and due again after a doubling wait; or given up after
/// <see cref="DeliveryOptions.MaxAttempts"/> tries. A worker that dies holding a message releases it when its lease
/// ends, so a message is sent again only if a host died between sending it and recording that it did.
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<HotlineDbContext> contexts, IEnumerable<INoticeChannel> channels, TimeProvider clock,
    IOptions<DeliveryOptions> options, ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<OutboxChannel, INoticeChannel> byChannel = channels.Where(c => c.IsConfigured).ToDictionary(c => c.Channel);

    /// <summary>Claims and delivers the messages due now, as <paramref name="worker"/>; returns how many it tried.</summary>
    public async Task<int> RunOnceAsync(string worker, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        if (byChannel.Count == 0)
            return 0;
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var open = byChannel.Keys.ToList();
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now) && open.Contains(m.Channel))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        }

        var tried = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(id, worker, now, settings.Lease, cancellationToken))
            {
                await DeliverAsync(id, worker, settings, cancellationToken);
                tried++;
            }
        }

        return tried;
    }

    /// <summary>The one write that decides which worker delivers <paramref name="id"/>.</summary>
    private async Task<bool> TryClaimAsync(long id, string worker, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = now + lease;
        return await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, worker).SetProperty(m => m.ClaimedUntil, until), cancellationToken) == 1;
    }

    private async Task DeliverAsync(long id, string worker, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        string? error = null;
        try
        {
            await byChannel[message.Channel].SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = Describe(e, message);
            logger.LogWarning("Outbox message {Id} ({Channel}, try {Try}) failed: {Error}", id, message.Channel, message.Attempts + 1, error);
        }

        var now = clock.GetUtcNow();
        var attempt = Record(message, error, now, settings);
        db.DeliveryAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another worker recorded this try (it claimed the message after this one's lease ran out).
            logger.LogWarning(e, "Outbox message {Id}: try {Try} by {Worker} was not recorded.", id, attempt.Number, worker);
        }
    }

    /// <summary>Moves <paramref name="message"/> on after a try and returns the try's record.</summary>
    internal static DeliveryAttempt Record(OutboxMessage message, string? error, DateTimeOffset now, DeliveryOptions settings)
    {
        message.Attempts++;
        message.ClaimedBy = null;
        message.ClaimedUntil = null;
        message.LastError = error;
        var outcome = error is null ? DeliveryOutcome.Sent : message.Attempts >= settings.MaxAttempts ? DeliveryOutcome.GivenUp : DeliveryOutcome.Failed;
        message.Status = outcome switch { DeliveryOutcome.Sent => OutboxStatus.Sent, DeliveryOutcome.GivenUp => OutboxStatus.GivenUp, _ => OutboxStatus.Pending };
        if (outcome == DeliveryOutcome.Sent)
            message.SentAt = now;
        if (outcome == DeliveryOutcome.Failed)
            message.NextAttemptAt = now + settings.RetryDelay(message.Attempts);
        return new DeliveryAttempt
        {
            MessageId = message.Id, CaseId = message.CaseId, Number = message.Attempts, At = now, Outcome = outcome, Error = error,
            NextAttemptAt = outcome == DeliveryOutcome.Failed ? message.NextAttemptAt : null,
        };
    }

    /// <summary>The failure in a few words, without the address.</summary>
    private static string Describe(Exception e, OutboxMessage message)
    {
        var text = $"{e.GetType().Name}: {e.Message}".Replace(message.Address, message.MaskedAddress, StringComparison.Ordinal);
        return text.Length <= 500 ? text : text[..500];
    }
}
