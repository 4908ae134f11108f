namespace Hotline.Workflows.Persistence;

/// <summary>Another worker saved the instance first; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string instanceId, long expectedRevision)
    : Exception($"Instance {instanceId} changed since revision {expectedRevision} was read.")
{
    public string InstanceId { get; } = instanceId;
    public long ExpectedRevision { get; } = expectedRevision;
}
