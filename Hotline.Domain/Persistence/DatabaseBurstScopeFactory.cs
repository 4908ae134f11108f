using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Persistence;

/// <summary>
/// The unit of work of a burst on Hotline's database: a DI scope whose one tracked <see cref="HotlineDbContext"/> the
/// burst's activities use (they load the case through it and change it through its methods), and a commit that saves
/// the instance and those changes in one transaction (<see cref="WorkflowCommitTransaction"/>).
/// </summary>
public sealed class DatabaseBurstScopeFactory(IServiceScopeFactory scopes, ILogger<DatabaseBurstScopeFactory>? logger = null) : IBurstScopeFactory
{
    /// <inheritdoc />
    public ValueTask<IBurstScope> BeginAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IBurstScope>(new Scope(scopes.CreateAsyncScope(), logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

    private sealed class Scope(AsyncServiceScope scope, ILogger logger) : IBurstScope
    {
        private HotlineDbContext Db => field ??= scope.ServiceProvider.GetRequiredService<HotlineDbContext>();

        public IServiceProvider Services => scope.ServiceProvider;

        public IWorkflowDefinitionStore Definitions => field ??= EfWorkflowDefinitionStore.InScope(Db);

        public async Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
            (await WorkflowQueries.For(Db).FindInstance(Db, instanceId, cancellationToken))?.ToInstance();

        public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken) => WorkflowCommitTransaction.SaveAsync(Db, commit, logger, cancellationToken);

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
