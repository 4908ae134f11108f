using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Persistence;

/// <summary>The store contract on a PostgreSQL database of its own per test (<see cref="PostgresDatabase"/>).</summary>
public sealed class PostgreSqlWorkflowStoreTests : DatabaseWorkflowStoreContractTests
{
    protected override async Task<ServiceProvider> CreateMigratedServicesAsync()
    {
        var database = await PostgresDatabase.CreateMigratedAsync();
        DisposeLater(database);
        return await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.PostgreSql, database.ConnectionString);
    }
}
