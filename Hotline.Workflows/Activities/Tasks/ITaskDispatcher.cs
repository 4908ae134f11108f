using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Tasks;

/// <summary>
/// Receives human tasks when an instance that created them has been saved, for instance stores that do not save tasks
/// in their commit (<see cref="Persistence.IWorkflowInstanceStore.SavesTasks"/>).
/// </summary>
public interface ITaskDispatcher
{
    /// <summary>Hands over a task.</summary>
    Task DispatchAsync(TaskRequest request, CancellationToken cancellationToken);
}
