using Hotline.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Persistence;

/// <summary>The store contract on a SQLite file of its own per test.</summary>
public sealed class SqliteWorkflowStoreTests : DatabaseWorkflowStoreContractTests
{
    protected override async Task<ServiceProvider> CreateMigratedServicesAsync()
    {
        var directory = new TempDirectory();
        DisposeLater(directory);
        return await PersistenceTestServices.CreateOnMigratedSqliteAsync(Path.Combine(directory.Path, "hotline.db"));
    }
}
