using Hotline.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Workflows.Persistence;

/// <summary>
/// The engine's default unit of work: a DI scope of <paramref name="services"/> per burst (when there is a container)
/// and the instance store's own commit. Enough for hosts whose activities change nothing outside the instance (tests,
/// the command-line runner); a host with data of its own registers an <see cref="IBurstScopeFactory"/> that saves it.
/// </summary>
public sealed class StoreBurstScopeFactory(IWorkflowInstanceStore store, IServiceProvider? services = null) : IBurstScopeFactory
{
    /// <inheritdoc />
    public ValueTask<IBurstScope> BeginAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IBurstScope>(new Scope(store, services?.GetService<IServiceScopeFactory>() is { } scopes ? scopes.CreateAsyncScope() : null, services));

    private sealed class Scope(IWorkflowInstanceStore store, AsyncServiceScope? scope, IServiceProvider? services) : IBurstScope
    {
        public IServiceProvider? Services => scope?.ServiceProvider ?? services;

        public Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken) => store.FindAsync(instanceId, cancellationToken);

        public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken) => store.CommitAsync(commit, cancellationToken);

        public ValueTask DisposeAsync() => scope?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
