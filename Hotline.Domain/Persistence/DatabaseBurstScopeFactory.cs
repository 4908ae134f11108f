using Microsoft.EntityFrameworkCore;
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
    /// <remarks>
    /// The scope's connection is opened once, here, and stays open until the burst ends: the burst's reads, its
    /// activities' and its commit use it without opening it again (each open of a SQLite connection runs the
    /// per-connection settings). No transaction is held while the burst runs; the commit opens the only one.
    /// </remarks>
    public async ValueTask<IBurstScope> BeginAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new Scope(scope, db, logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private sealed class Scope(AsyncServiceScope scope, HotlineDbContext db, ILogger logger) : IBurstScope
    {
        public IServiceProvider Services => scope.ServiceProvider;

        public IWorkflowDefinitionStore Definitions => field ??= EfWorkflowDefinitionStore.InScope(db);

        public async Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
            (await WorkflowQueries.For(db).FindInstance(db, instanceId, cancellationToken))?.ToInstance();

        public Task CommitAsync(WorkflowCommit commit, CancellationToken cancellationToken) => WorkflowCommitTransaction.SaveAsync(db, commit, logger, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await db.Database.CloseConnectionAsync();
            await scope.DisposeAsync();
        }
    }
}
