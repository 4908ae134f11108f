using Hotline.Workflows.Runtime;
using Quartz;

namespace Hotline.Host.Scheduling;

/// <summary>A near timer's one-shot: resumes one bookmark at its due time.</summary>
public sealed class ResumeBookmarkJob(WorkflowRuntime runtime, ILogger<ResumeBookmarkJob> logger) : IJob
{
    /// <summary>Job data key of the workflow instance id.</summary>
    public const string InstanceIdKey = "instanceId";

    /// <summary>Job data key of the bookmark id.</summary>
    public const string BookmarkIdKey = "bookmarkId";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var instanceId = data[InstanceIdKey] as string ?? throw new InvalidOperationException($"The one-shot {context.JobDetail.Key} has no {InstanceIdKey}.");
        var bookmarkId = data[BookmarkIdKey] as string ?? throw new InvalidOperationException($"The one-shot {context.JobDetail.Key} has no {BookmarkIdKey}.");
        try
        {
            await runtime.ResumeAsync(instanceId, bookmarkId, null, cancellationToken);
        }
        catch (Exception e) when (e is BookmarkNotFoundException or InstanceNotRunningException or InstanceNotFoundException)
        {
            // A sweep or another host fired it first, or the instance ended or was deleted meanwhile.
            logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} was no longer waiting: {Reason}", bookmarkId, instanceId, e.Message);
        }
    }
}
