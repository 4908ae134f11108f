using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Host.Notifications;

/// <summary>
/// Every <see cref="NotificationOptions.SignForCheckInterval"/>: reminds the inboxes of open tasks whose sign-for limit
/// is within <see cref="NotificationOptions.SignForLeadTime"/> (<see cref="SignForReminders"/>). Any host may run it;
/// a reminder another host wrote first is not written again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SignForSoonJob(
    IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<SignForSoonJob> logger) : IJob
{
    /// <summary>The job's key in the host's scheduler.</summary>
    public static readonly JobKey Key = new("sign-for-soon", "hotline");

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(cancellationToken);

    /// <summary>Writes the reminders due now; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            return await SignForReminders.WriteAsync(db, clock.GetUtcNow(), options.Value.SignForLeadTime, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another host reminded the same task at the same moment; the rest of the batch comes in the next run.
            logger.LogInformation(e, "Sign-for reminders were written by another host; trying again next time.");
            return 0;
        }
    }
}
