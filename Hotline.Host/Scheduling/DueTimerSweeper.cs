using Hotline.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Scheduling;

/// <summary>
/// Resumes every timer bookmark that is due, batch by batch. Any number of hosts may sweep at once: the instance
/// store's revision check lets one resume of a bookmark win, and the others find it gone.
/// </summary>
public sealed class DueTimerSweeper(WorkflowRuntime runtime, TimeProvider clock, IOptions<SchedulingOptions> options, ILogger<DueTimerSweeper> logger)
{
    /// <summary>Resumes due timers until a batch fires nothing; returns how many this call fired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var batchSize = options.Value.BatchSize;
        var total = 0;
        int fired;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Read per batch: a long sweep must not miss timers that came due while it ran.
            fired = await runtime.ResumeDueTimersAsync(clock.GetUtcNow(), batchSize, cancellationToken);
            total += fired;
        }
        // Several hosts read the same earliest rows and each fires only part of a batch, so "short batch" does not mean
        // "nothing left"; a batch that fired nothing does (the rest failed, or belonged to other hosts).
        while (fired > 0);

        if (total > 0)
            logger.LogInformation("Resumed {Count} due timers.", total);
        return total;
    }
}
