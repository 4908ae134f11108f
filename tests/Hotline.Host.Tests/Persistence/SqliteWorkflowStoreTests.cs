using Hotline.Host.Persistence;
using Hotline.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Persistence;

/// <summary>The store contract on a SQLite file of its own per test.</summary>
public sealed class SqliteWorkflowStoreTests : WorkflowStoreContractTests
{
    protected override async Task<(IWorkflowDefinitionStore Definitions, IWorkflowInstanceStore Instances)> CreateStoresAsync()
    {
        var directory = new TempDirectory();
        DisposeLater(directory);
        var services = await PersistenceTestServices.CreateMigratedAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory.Path, "hotline.db")}");
        DisposeLater(services);
        return (services.GetRequiredService<IWorkflowDefinitionStore>(), services.GetRequiredService<IWorkflowInstanceStore>());
    }
}
