using Hotline.Host.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Persistence;

/// <summary>The store contract on a PostgreSQL database of its own per test (<see cref="PostgresDatabase"/>).</summary>
public sealed class PostgreSqlWorkflowStoreTests : WorkflowStoreContractTests
{
    protected override async Task<(IWorkflowDefinitionStore Definitions, IWorkflowInstanceStore Instances)> CreateStoresAsync()
    {
        var database = await PostgresDatabase.CreateAsync();
        DisposeLater(database);
        var services = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
        DisposeLater(services);
        return (services.GetRequiredService<IWorkflowDefinitionStore>(), services.GetRequiredService<IWorkflowInstanceStore>());
    }
}
