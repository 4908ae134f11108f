using Hotline.Domain.Attachments;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Hotline.Host.Scheduling;

/// <summary>Once a day removes attachment content that no row refers to and that was stored more than a day ago (<see cref="AttachmentSweep"/>).</summary>
public sealed class AttachmentSweepJob(
    IDbContextFactory<HotlineDbContext> contexts, IAttachmentStore store, TimeProvider clock, ILogger<AttachmentSweepJob> logger) : IJob
{
    /// <summary>The job's key in the host's scheduler.</summary>
    public static readonly JobKey Key = new("attachment-sweep", "hotline");

    /// <summary>How often it runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>How old unreferenced content must be: far longer than any upload takes to save its row.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await SweepAsync(cancellationToken);

    /// <summary>Removes the orphaned content; returns how many files.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var removed = await AttachmentSweep.RunAsync(contexts, store, clock.GetUtcNow() - Grace, cancellationToken);
        if (removed > 0)
            logger.LogInformation("Removed {Count} stored attachment files no case refers to.", removed);
        return removed;
    }
}
