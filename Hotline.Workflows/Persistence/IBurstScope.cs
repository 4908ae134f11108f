using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Persistence;

/// <summary>
/// The unit of work of one burst (a start, one resumed bookmark, a cancel): the services the burst's activities use, and
/// the commit that saves the instance together with whatever those activities changed through them. The runtime opens
/// one per attempt and disposes it afterwards; a burst that loses a race is retried in a fresh scope, so nothing an
/// attempt read or changed leaks into the next.
/// </summary>
/// <remarks>
/// A database host resolves one tracked context per scope: activities load rows through it and change them through
/// methods on the entities, and <see cref="CommitAsync"/> saves the instance rows and those changes in one transaction.
/// </remarks>
public interface IBurstScope : IAsyncDisposable
{
    /// <summary>What activities resolve with <see cref="ActivityExecutionContext.GetService{T}"/> during this burst.</summary>
    IServiceProvider? Services { get; }

    /// <summary>
    /// Where the runtime reads the definition a start runs (and the versions of those it uses) within the burst, so a start
    /// needs no connection of its own; null to use the runtime's store.
    /// </summary>
    IWorkflowDefinitionStore? Definitions => null;

    /// <summary>The instance as stored, to resume or cancel it.</summary>
    Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the burst: the commit and every change made through <see cref="Services"/>, atomically. Throws
    /// <see cref="ConcurrencyConflictException"/> when another burst saved the instance (or a row the burst changed) first;
    /// then nothing is saved and the runtime retries in a new scope.
    /// </summary>
    Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken);
}
