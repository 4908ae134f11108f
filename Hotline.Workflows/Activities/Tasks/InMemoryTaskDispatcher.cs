using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Tasks;

/// <summary>Keeps dispatched tasks in memory (the engine's default; tests and the command-line runner).</summary>
public sealed class InMemoryTaskDispatcher : ITaskDispatcher
{
    private readonly List<TaskRequest> _tasks = [];

    /// <summary>Tasks dispatched so far.</summary>
    public IReadOnlyList<TaskRequest> Tasks
    {
        get
        {
            lock (_tasks)
                return _tasks.ToList();
        }
    }

    /// <inheritdoc />
    public Task DispatchAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        lock (_tasks)
            _tasks.Add(request);
        return Task.CompletedTask;
    }
}
