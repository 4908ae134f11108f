using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Hotline.Host.Tests.Persistence;

/// <summary>Builds Hotline's persistence services the way the host does, from configuration.</summary>
internal static class PersistenceTestServices
{
    public static ServiceProvider Create(DatabaseProvider provider, string? connectionString, string? contentRoot = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hotline:Database:Provider"] = provider.ToString(),
                ["Hotline:Database:ConnectionString"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        if (contentRoot is not null)
            services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(contentRoot));
        services.AddHotlinePersistence(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A new provider with the database migrated.</summary>
    public static async Task<ServiceProvider> CreateMigratedAsync(DatabaseProvider provider, string? connectionString)
    {
        var services = Create(provider, connectionString);
        await services.MigrateHotlineDatabaseAsync();
        return services;
    }

    /// <summary>A new provider on a copy of the migrated SQLite file (<see cref="MigratedTemplate"/>) at <paramref name="file"/>; its migration finds nothing to do.</summary>
    public static Task<ServiceProvider> CreateOnMigratedSqliteAsync(string file)
    {
        MigratedTemplate.CopySqliteTo(file);
        return CreateMigratedAsync(DatabaseProvider.Sqlite, $"Data Source={file}");
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Hotline.Host.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A directory of its own under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IAsyncDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hotline-test-{Guid.NewGuid():N}")).FullName;

    public ValueTask DisposeAsync()
    {
        // Pooled SQLite connections keep the file open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
        return ValueTask.CompletedTask;
    }
}
