using Hotline.Domain.Outbox;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Notices;

/// <summary>
/// Runs <see cref="OutboxDelivery"/> every <see cref="DeliveryOptions.PollInterval"/> on this host, unless turned off
/// (<see cref="DeliveryOptions.Enabled"/>). Several hosts may run it: each message is claimed by one.
/// </summary>
public sealed class OutboxWorker(OutboxDelivery delivery, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <summary>This worker's name in the claims it takes.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due: go on at once.
                while (await delivery.RunOnceAsync(Name, stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivering the outbox failed; trying again in {Interval}.", options.Value.PollInterval);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
